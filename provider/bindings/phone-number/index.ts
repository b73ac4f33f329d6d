// https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface PhoneNumberConfig extends cdktf.TerraformMetaArguments {
  /**
  * Prefix added to the caller name, e.g. "Sales: " (empty: none).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number#caller_name_prefix PhoneNumber#caller_name_prefix}
  */
  readonly callerNamePrefix?: string;
  /**
  * Where calls to the number go — exactly one of: user, ring_group, auto_attendant, voicemail, call_queue, hangup: true.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number#destination PhoneNumber#destination}
  */
  readonly destination: PhoneNumberDestination;
  /**
  * The NetSapiens domain, e.g. acme.example.com.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number#domain PhoneNumber#domain}
  */
  readonly domain: string;
  /**
  * Whether the number takes calls (default yes).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number#enabled PhoneNumber#enabled}
  */
  readonly enabled?: boolean | cdktf.IResolvable;
  /**
  * The number (E.164), already in the domain inventory: pbxctl never buys or releases numbers.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number#number PhoneNumber#number}
  */
  readonly number: string;
}
export interface PhoneNumberDestination {
  /**
  * Answer with this auto attendant.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number#auto_attendant PhoneNumber#auto_attendant}
  */
  readonly autoAttendant?: string;
  /**
  * This call queue.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number#call_queue PhoneNumber#call_queue}
  */
  readonly callQueue?: string;
  /**
  * Hang up (the number rings nowhere).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number#hangup PhoneNumber#hangup}
  */
  readonly hangup?: boolean | cdktf.IResolvable;
  /**
  * Ring this ring group.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number#ring_group PhoneNumber#ring_group}
  */
  readonly ringGroup?: string;
  /**
  * Ring this user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number#user PhoneNumber#user}
  */
  readonly user?: string;
  /**
  * Straight to this user's voicemail box.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number#voicemail PhoneNumber#voicemail}
  */
  readonly voicemail?: string;
}

export function phoneNumberDestinationToTerraform(struct?: PhoneNumberDestination | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    auto_attendant: cdktf.stringToTerraform(struct!.autoAttendant),
    call_queue: cdktf.stringToTerraform(struct!.callQueue),
    hangup: cdktf.booleanToTerraform(struct!.hangup),
    ring_group: cdktf.stringToTerraform(struct!.ringGroup),
    user: cdktf.stringToTerraform(struct!.user),
    voicemail: cdktf.stringToTerraform(struct!.voicemail),
  }
}


export function phoneNumberDestinationToHclTerraform(struct?: PhoneNumberDestination | cdktf.IResolvable): any {
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
    hangup: {
      value: cdktf.booleanToHclTerraform(struct!.hangup),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
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

export class PhoneNumberDestinationOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PhoneNumberDestination | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
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
    if (this._hangup !== undefined) {
      hasAnyValues = true;
      internalValueResult.hangup = this._hangup;
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

  public set internalValue(value: PhoneNumberDestination | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._autoAttendant = undefined;
      this._callQueue = undefined;
      this._hangup = undefined;
      this._ringGroup = undefined;
      this._user = undefined;
      this._voicemail = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._autoAttendant = value.autoAttendant;
      this._callQueue = value.callQueue;
      this._hangup = value.hangup;
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

  // hangup - computed: true, optional: true, required: false
  private _hangup?: boolean | cdktf.IResolvable; 
  public get hangup() {
    return this.getBooleanAttribute('hangup');
  }
  public set hangup(value: boolean | cdktf.IResolvable) {
    this._hangup = value;
  }
  public resetHangup() {
    this._hangup = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hangupInput() {
    return this._hangup;
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

/**
* Represents a {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number netsapiens_phone_number}
*/
export class PhoneNumber extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "netsapiens_phone_number";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a PhoneNumber resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the PhoneNumber to import
  * @param importFromId The id of the existing PhoneNumber that should be imported. Refer to the {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the PhoneNumber to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "netsapiens_phone_number", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/phone_number netsapiens_phone_number} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options PhoneNumberConfig
  */
  public constructor(scope: Construct, id: string, config: PhoneNumberConfig) {
    super(scope, id, {
      terraformResourceType: 'netsapiens_phone_number',
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
    this._callerNamePrefix = config.callerNamePrefix;
    this._destination.internalValue = config.destination;
    this._domain = config.domain;
    this._enabled = config.enabled;
    this._number = config.number;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // caller_name_prefix - computed: true, optional: true, required: false
  private _callerNamePrefix?: string; 
  public get callerNamePrefix() {
    return this.getStringAttribute('caller_name_prefix');
  }
  public set callerNamePrefix(value: string) {
    this._callerNamePrefix = value;
  }
  public resetCallerNamePrefix() {
    this._callerNamePrefix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get callerNamePrefixInput() {
    return this._callerNamePrefix;
  }

  // destination - computed: false, optional: false, required: true
  private _destination = new PhoneNumberDestinationOutputReference(this, "destination");
  public get destination() {
    return this._destination;
  }
  public putDestination(value: PhoneNumberDestination) {
    this._destination.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get destinationInput() {
    return this._destination.internalValue;
  }

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

  // enabled - computed: true, optional: true, required: false
  private _enabled?: boolean | cdktf.IResolvable; 
  public get enabled() {
    return this.getBooleanAttribute('enabled');
  }
  public set enabled(value: boolean | cdktf.IResolvable) {
    this._enabled = value;
  }
  public resetEnabled() {
    this._enabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enabledInput() {
    return this._enabled;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // number - computed: false, optional: false, required: true
  private _number?: string; 
  public get number() {
    return this.getStringAttribute('number');
  }
  public set number(value: string) {
    this._number = value;
  }
  // Temporarily expose input value. Use with caution.
  public get numberInput() {
    return this._number;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      caller_name_prefix: cdktf.stringToTerraform(this._callerNamePrefix),
      destination: phoneNumberDestinationToTerraform(this._destination.internalValue),
      domain: cdktf.stringToTerraform(this._domain),
      enabled: cdktf.booleanToTerraform(this._enabled),
      number: cdktf.stringToTerraform(this._number),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      caller_name_prefix: {
        value: cdktf.stringToHclTerraform(this._callerNamePrefix),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      destination: {
        value: phoneNumberDestinationToHclTerraform(this._destination.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "PhoneNumberDestination",
      },
      domain: {
        value: cdktf.stringToHclTerraform(this._domain),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      enabled: {
        value: cdktf.booleanToHclTerraform(this._enabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      number: {
        value: cdktf.stringToHclTerraform(this._number),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
