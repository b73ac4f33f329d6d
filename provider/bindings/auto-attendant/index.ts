// https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface AutoAttendantConfig extends cdktf.TerraformMetaArguments {
  /**
  * The NetSapiens domain, e.g. acme.example.com.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#domain AutoAttendant#domain}
  */
  readonly domain: string;
  /**
  * Extension of the attendant (its system user). Changing it replaces the attendant.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#extension AutoAttendant#extension}
  */
  readonly extension: string;
  /**
  * Name of a greeting already on the platform, played before the menu. pbxctl references greetings by name only: recording or uploading audio is out of scope.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#greeting AutoAttendant#greeting}
  */
  readonly greeting?: string;
  /**
  * When the caller presses a key with no option: "repeat" (play the menu again, the platform default), "hangup", or a menu digit (that option's destination).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#invalid AutoAttendant#invalid}
  */
  readonly invalid?: string;
  /**
  * Name of the attendant (`attendant-name`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#name AutoAttendant#name}
  */
  readonly name: string;
  /**
  * When the caller presses nothing: "repeat" (play the menu again, the platform default), "hangup", or a menu digit (that option's destination).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#no_input AutoAttendant#no_input}
  */
  readonly noInput?: string;
  /**
  * The menu: which key sends the caller where. Keys the list does not name do nothing.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#options AutoAttendant#options}
  */
  readonly options?: AutoAttendantOptions[] | cdktf.IResolvable;
  /**
  * Name of the time frame this menu serves ("*" = always, the default on create). Changing it re-creates the menu.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#time_frame AutoAttendant#time_frame}
  */
  readonly timeFrame?: string;
}
export interface AutoAttendantOptionsDestination {
  /**
  * This auto attendant.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#auto_attendant AutoAttendant#auto_attendant}
  */
  readonly autoAttendant?: string;
  /**
  * This call queue.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#call_queue AutoAttendant#call_queue}
  */
  readonly callQueue?: string;
  /**
  * Ring this ring group.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#ring_group AutoAttendant#ring_group}
  */
  readonly ringGroup?: string;
  /**
  * Ring this user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#user AutoAttendant#user}
  */
  readonly user?: string;
  /**
  * This user's voicemail box.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#voicemail AutoAttendant#voicemail}
  */
  readonly voicemail?: string;
}

export function autoAttendantOptionsDestinationToTerraform(struct?: AutoAttendantOptionsDestination): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    auto_attendant: cdktf.stringToTerraform(struct!.autoAttendant),
    call_queue: cdktf.stringToTerraform(struct!.callQueue),
    ring_group: cdktf.stringToTerraform(struct!.ringGroup),
    user: cdktf.stringToTerraform(struct!.user),
    voicemail: cdktf.stringToTerraform(struct!.voicemail),
  }
}


export function autoAttendantOptionsDestinationToHclTerraform(struct?: AutoAttendantOptionsDestination): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    auto_attendant: {
      value: cdktf.stringToHclTerraform(struct!.autoAttendant),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    call_queue: {
      value: cdktf.stringToHclTerraform(struct!.callQueue),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ring_group: {
      value: cdktf.stringToHclTerraform(struct!.ringGroup),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    user: {
      value: cdktf.stringToHclTerraform(struct!.user),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    voicemail: {
      value: cdktf.stringToHclTerraform(struct!.voicemail),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AutoAttendantOptionsDestinationOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AutoAttendantOptionsDestination | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._autoAttendant !== undefined) {
      hasAnyValues = true;
      internalValueResult.autoAttendant = this._autoAttendant;
    }
    if (this._callQueue !== undefined) {
      hasAnyValues = true;
      internalValueResult.callQueue = this._callQueue;
    }
    if (this._ringGroup !== undefined) {
      hasAnyValues = true;
      internalValueResult.ringGroup = this._ringGroup;
    }
    if (this._user !== undefined) {
      hasAnyValues = true;
      internalValueResult.user = this._user;
    }
    if (this._voicemail !== undefined) {
      hasAnyValues = true;
      internalValueResult.voicemail = this._voicemail;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AutoAttendantOptionsDestination | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this._autoAttendant = undefined;
      this._callQueue = undefined;
      this._ringGroup = undefined;
      this._user = undefined;
      this._voicemail = undefined;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this._autoAttendant = value.autoAttendant;
      this._callQueue = value.callQueue;
      this._ringGroup = value.ringGroup;
      this._user = value.user;
      this._voicemail = value.voicemail;
    }
  }

  // auto_attendant - computed: true, optional: true, required: false
  private _autoAttendant?: string; 
  public get autoAttendant() {
    return this.getStringAttribute('auto_attendant');
  }
  public set autoAttendant(value: string) {
    this._autoAttendant = value;
  }
  public resetAutoAttendant() {
    this._autoAttendant = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get autoAttendantInput() {
    return this._autoAttendant;
  }

  // call_queue - computed: true, optional: true, required: false
  private _callQueue?: string; 
  public get callQueue() {
    return this.getStringAttribute('call_queue');
  }
  public set callQueue(value: string) {
    this._callQueue = value;
  }
  public resetCallQueue() {
    this._callQueue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get callQueueInput() {
    return this._callQueue;
  }

  // ring_group - computed: true, optional: true, required: false
  private _ringGroup?: string; 
  public get ringGroup() {
    return this.getStringAttribute('ring_group');
  }
  public set ringGroup(value: string) {
    this._ringGroup = value;
  }
  public resetRingGroup() {
    this._ringGroup = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ringGroupInput() {
    return this._ringGroup;
  }

  // user - computed: true, optional: true, required: false
  private _user?: string; 
  public get user() {
    return this.getStringAttribute('user');
  }
  public set user(value: string) {
    this._user = value;
  }
  public resetUser() {
    this._user = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get userInput() {
    return this._user;
  }

  // voicemail - computed: true, optional: true, required: false
  private _voicemail?: string; 
  public get voicemail() {
    return this.getStringAttribute('voicemail');
  }
  public set voicemail(value: string) {
    this._voicemail = value;
  }
  public resetVoicemail() {
    this._voicemail = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get voicemailInput() {
    return this._voicemail;
  }
}
export interface AutoAttendantOptions {
  /**
  * Where the key sends the caller — exactly one of: user, ring_group, auto_attendant, call_queue, voicemail (an extension).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#destination AutoAttendant#destination}
  */
  readonly destination: AutoAttendantOptionsDestination;
  /**
  * The key the caller presses: 0–9 or *.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#digit AutoAttendant#digit}
  */
  readonly digit: string;
}

export function autoAttendantOptionsToTerraform(struct?: AutoAttendantOptions | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    destination: autoAttendantOptionsDestinationToTerraform(struct!.destination),
    digit: cdktf.stringToTerraform(struct!.digit),
  }
}


export function autoAttendantOptionsToHclTerraform(struct?: AutoAttendantOptions | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    destination: {
      value: autoAttendantOptionsDestinationToHclTerraform(struct!.destination),
      isBlock: true,
      type: "struct",
      storageClassType: "AutoAttendantOptionsDestination",
    },
    digit: {
      value: cdktf.stringToHclTerraform(struct!.digit),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AutoAttendantOptionsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): AutoAttendantOptions | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._destination?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.destination = this._destination?.internalValue;
    }
    if (this._digit !== undefined) {
      hasAnyValues = true;
      internalValueResult.digit = this._digit;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AutoAttendantOptions | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._destination.internalValue = undefined;
      this._digit = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._destination.internalValue = value.destination;
      this._digit = value.digit;
    }
  }

  // destination - computed: true, optional: false, required: true
  private _destination = new AutoAttendantOptionsDestinationOutputReference(this, "destination");
  public get destination() {
    return this._destination;
  }
  public putDestination(value: AutoAttendantOptionsDestination) {
    this._destination.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get destinationInput() {
    return this._destination.internalValue;
  }

  // digit - computed: true, optional: false, required: true
  private _digit?: string; 
  public get digit() {
    return this.getStringAttribute('digit');
  }
  public set digit(value: string) {
    this._digit = value;
  }
  // Temporarily expose input value. Use with caution.
  public get digitInput() {
    return this._digit;
  }
}

export class AutoAttendantOptionsList extends cdktf.ComplexList {
  public internalValue? : AutoAttendantOptions[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected override terraformResource: cdktf.IInterpolatingParent, protected override terraformAttribute: string, protected override wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): AutoAttendantOptionsOutputReference {
    return new AutoAttendantOptionsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant netsapiens_auto_attendant}
*/
export class AutoAttendant extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "netsapiens_auto_attendant";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a AutoAttendant resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the AutoAttendant to import
  * @param importFromId The id of the existing AutoAttendant that should be imported. Refer to the {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the AutoAttendant to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "netsapiens_auto_attendant", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/auto_attendant netsapiens_auto_attendant} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options AutoAttendantConfig
  */
  public constructor(scope: Construct, id: string, config: AutoAttendantConfig) {
    super(scope, id, {
      terraformResourceType: 'netsapiens_auto_attendant',
      terraformGeneratorMetadata: {
        providerName: 'netsapiens',
        providerVersionConstraint: '~> 0.1'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._domain = config.domain;
    this._extension = config.extension;
    this._greeting = config.greeting;
    this._invalid = config.invalid;
    this._name = config.name;
    this._noInput = config.noInput;
    this._options.internalValue = config.options;
    this._timeFrame = config.timeFrame;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // domain - computed: false, optional: false, required: true
  private _domain?: string; 
  public get domain() {
    return this.getStringAttribute('domain');
  }
  public set domain(value: string) {
    this._domain = value;
  }
  // Temporarily expose input value. Use with caution.
  public get domainInput() {
    return this._domain;
  }

  // extension - computed: false, optional: false, required: true
  private _extension?: string; 
  public get extension() {
    return this.getStringAttribute('extension');
  }
  public set extension(value: string) {
    this._extension = value;
  }
  // Temporarily expose input value. Use with caution.
  public get extensionInput() {
    return this._extension;
  }

  // greeting - computed: true, optional: true, required: false
  private _greeting?: string; 
  public get greeting() {
    return this.getStringAttribute('greeting');
  }
  public set greeting(value: string) {
    this._greeting = value;
  }
  public resetGreeting() {
    this._greeting = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get greetingInput() {
    return this._greeting;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // invalid - computed: true, optional: true, required: false
  private _invalid?: string; 
  public get invalid() {
    return this.getStringAttribute('invalid');
  }
  public set invalid(value: string) {
    this._invalid = value;
  }
  public resetInvalid() {
    this._invalid = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get invalidInput() {
    return this._invalid;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // no_input - computed: true, optional: true, required: false
  private _noInput?: string; 
  public get noInput() {
    return this.getStringAttribute('no_input');
  }
  public set noInput(value: string) {
    this._noInput = value;
  }
  public resetNoInput() {
    this._noInput = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get noInputInput() {
    return this._noInput;
  }

  // options - computed: true, optional: true, required: false
  private _options = new AutoAttendantOptionsList(this, "options", false);
  public get options() {
    return this._options;
  }
  public putOptions(value: AutoAttendantOptions[] | cdktf.IResolvable) {
    this._options.internalValue = value;
  }
  public resetOptions() {
    this._options.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get optionsInput() {
    return this._options.internalValue;
  }

  // time_frame - computed: true, optional: true, required: false
  private _timeFrame?: string; 
  public get timeFrame() {
    return this.getStringAttribute('time_frame');
  }
  public set timeFrame(value: string) {
    this._timeFrame = value;
  }
  public resetTimeFrame() {
    this._timeFrame = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeFrameInput() {
    return this._timeFrame;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      domain: cdktf.stringToTerraform(this._domain),
      extension: cdktf.stringToTerraform(this._extension),
      greeting: cdktf.stringToTerraform(this._greeting),
      invalid: cdktf.stringToTerraform(this._invalid),
      name: cdktf.stringToTerraform(this._name),
      no_input: cdktf.stringToTerraform(this._noInput),
      options: cdktf.listMapper(autoAttendantOptionsToTerraform, false)(this._options.internalValue),
      time_frame: cdktf.stringToTerraform(this._timeFrame),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      domain: {
        value: cdktf.stringToHclTerraform(this._domain),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      extension: {
        value: cdktf.stringToHclTerraform(this._extension),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      greeting: {
        value: cdktf.stringToHclTerraform(this._greeting),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      invalid: {
        value: cdktf.stringToHclTerraform(this._invalid),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      no_input: {
        value: cdktf.stringToHclTerraform(this._noInput),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      options: {
        value: cdktf.listMapperHcl(autoAttendantOptionsToHclTerraform, false)(this._options.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "AutoAttendantOptionsList",
      },
      time_frame: {
        value: cdktf.stringToHclTerraform(this._timeFrame),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
