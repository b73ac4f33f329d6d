// https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface RingGroupConfig extends cdktf.TerraformMetaArguments {
  /**
  * Numbers always let through (bypass screening).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#allow RingGroup#allow}
  */
  readonly allow?: string[];
  /**
  * Numbers rejected before the group rings; `anonymous` and `unknown` are allowed.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#block RingGroup#block}
  */
  readonly block?: string[];
  /**
  * Department (created on first use).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#department RingGroup#department}
  */
  readonly department?: string;
  /**
  * The NetSapiens domain, e.g. acme.example.com.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#domain RingGroup#domain}
  */
  readonly domain: string;
  /**
  * Extension of the ring group (a user id on the platform). Changing it replaces the group.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#extension RingGroup#extension}
  */
  readonly extension: string;
  /**
  * Where unanswered calls go — exactly one of: user, voicemail (a user mailbox), group_voicemail: true (the group mailbox), auto_attendant, call_queue.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#fallback RingGroup#fallback}
  */
  readonly fallback?: RingGroupFallback;
  /**
  * Extensions rung at the same time, in order. Each is an extension, or { extension, delay_seconds } to start ringing that member later (the portal's "Ring Delay (sec)", stored as `;delay=N`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#members RingGroup#members}
  */
  readonly members?: RingGroupMembers[] | cdktf.IResolvable;
  /**
  * Name shown in the portal and directory.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#name RingGroup#name}
  */
  readonly name: string;
  /**
  * Seconds the group rings before the fallback takes the call.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#ring_timeout RingGroup#ring_timeout}
  */
  readonly ringTimeout?: number;
  /**
  * Site the group belongs to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#site RingGroup#site}
  */
  readonly site?: string;
  /**
  * What to do with calls flagged as spam: ring as normal, send to voicemail, drop, or screen.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#spam RingGroup#spam}
  */
  readonly spam?: string;
}
export interface RingGroupFallback {
  /**
  * This auto attendant.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#auto_attendant RingGroup#auto_attendant}
  */
  readonly autoAttendant?: string;
  /**
  * This call queue.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#call_queue RingGroup#call_queue}
  */
  readonly callQueue?: string;
  /**
  * The group's own voicemail box.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#group_voicemail RingGroup#group_voicemail}
  */
  readonly groupVoicemail?: boolean | cdktf.IResolvable;
  /**
  * Ring this user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#user RingGroup#user}
  */
  readonly user?: string;
  /**
  * This user's voicemail box.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#voicemail RingGroup#voicemail}
  */
  readonly voicemail?: string;
}

export function ringGroupFallbackToTerraform(struct?: RingGroupFallback | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    auto_attendant: cdktf.stringToTerraform(struct!.autoAttendant),
    call_queue: cdktf.stringToTerraform(struct!.callQueue),
    group_voicemail: cdktf.booleanToTerraform(struct!.groupVoicemail),
    user: cdktf.stringToTerraform(struct!.user),
    voicemail: cdktf.stringToTerraform(struct!.voicemail),
  }
}


export function ringGroupFallbackToHclTerraform(struct?: RingGroupFallback | cdktf.IResolvable): any {
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
    group_voicemail: {
      value: cdktf.booleanToHclTerraform(struct!.groupVoicemail),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
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

export class RingGroupFallbackOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): RingGroupFallback | cdktf.IResolvable | undefined {
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
    if (this._groupVoicemail !== undefined) {
      hasAnyValues = true;
      internalValueResult.groupVoicemail = this._groupVoicemail;
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

  public set internalValue(value: RingGroupFallback | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._autoAttendant = undefined;
      this._callQueue = undefined;
      this._groupVoicemail = undefined;
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
      this._groupVoicemail = value.groupVoicemail;
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

  // group_voicemail - computed: true, optional: true, required: false
  private _groupVoicemail?: boolean | cdktf.IResolvable; 
  public get groupVoicemail() {
    return this.getBooleanAttribute('group_voicemail');
  }
  public set groupVoicemail(value: boolean | cdktf.IResolvable) {
    this._groupVoicemail = value;
  }
  public resetGroupVoicemail() {
    this._groupVoicemail = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get groupVoicemailInput() {
    return this._groupVoicemail;
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
export interface RingGroupMembers {
  /**
  * Seconds after the group starts ringing before this member rings (default: at once).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#delay_seconds RingGroup#delay_seconds}
  */
  readonly delaySeconds?: number;
  /**
  * Member extension.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#extension RingGroup#extension}
  */
  readonly extension: string;
}

export function ringGroupMembersToTerraform(struct?: RingGroupMembers | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    delay_seconds: cdktf.numberToTerraform(struct!.delaySeconds),
    extension: cdktf.stringToTerraform(struct!.extension),
  }
}


export function ringGroupMembersToHclTerraform(struct?: RingGroupMembers | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    delay_seconds: {
      value: cdktf.numberToHclTerraform(struct!.delaySeconds),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    extension: {
      value: cdktf.stringToHclTerraform(struct!.extension),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class RingGroupMembersOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): RingGroupMembers | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._delaySeconds !== undefined) {
      hasAnyValues = true;
      internalValueResult.delaySeconds = this._delaySeconds;
    }
    if (this._extension !== undefined) {
      hasAnyValues = true;
      internalValueResult.extension = this._extension;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: RingGroupMembers | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._delaySeconds = undefined;
      this._extension = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._delaySeconds = value.delaySeconds;
      this._extension = value.extension;
    }
  }

  // delay_seconds - computed: true, optional: true, required: false
  private _delaySeconds?: number; 
  public get delaySeconds() {
    return this.getNumberAttribute('delay_seconds');
  }
  public set delaySeconds(value: number) {
    this._delaySeconds = value;
  }
  public resetDelaySeconds() {
    this._delaySeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get delaySecondsInput() {
    return this._delaySeconds;
  }

  // extension - computed: true, optional: false, required: true
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
}

export class RingGroupMembersList extends cdktf.ComplexList {
  public internalValue? : RingGroupMembers[] | cdktf.IResolvable

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
  public get(index: number): RingGroupMembersOutputReference {
    return new RingGroupMembersOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group netsapiens_ring_group}
*/
export class RingGroup extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "netsapiens_ring_group";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a RingGroup resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the RingGroup to import
  * @param importFromId The id of the existing RingGroup that should be imported. Refer to the {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the RingGroup to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "netsapiens_ring_group", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group netsapiens_ring_group} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options RingGroupConfig
  */
  public constructor(scope: Construct, id: string, config: RingGroupConfig) {
    super(scope, id, {
      terraformResourceType: 'netsapiens_ring_group',
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
    this._allow = config.allow;
    this._block = config.block;
    this._department = config.department;
    this._domain = config.domain;
    this._extension = config.extension;
    this._fallback.internalValue = config.fallback;
    this._members.internalValue = config.members;
    this._name = config.name;
    this._ringTimeout = config.ringTimeout;
    this._site = config.site;
    this._spam = config.spam;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // allow - computed: true, optional: true, required: false
  private _allow?: string[]; 
  public get allow() {
    return cdktf.Fn.tolist(this.getListAttribute('allow'));
  }
  public set allow(value: string[]) {
    this._allow = value;
  }
  public resetAllow() {
    this._allow = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get allowInput() {
    return this._allow;
  }

  // block - computed: true, optional: true, required: false
  private _block?: string[]; 
  public get block() {
    return cdktf.Fn.tolist(this.getListAttribute('block'));
  }
  public set block(value: string[]) {
    this._block = value;
  }
  public resetBlock() {
    this._block = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get blockInput() {
    return this._block;
  }

  // department - computed: true, optional: true, required: false
  private _department?: string; 
  public get department() {
    return this.getStringAttribute('department');
  }
  public set department(value: string) {
    this._department = value;
  }
  public resetDepartment() {
    this._department = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get departmentInput() {
    return this._department;
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

  // fallback - computed: true, optional: true, required: false
  private _fallback = new RingGroupFallbackOutputReference(this, "fallback");
  public get fallback() {
    return this._fallback;
  }
  public putFallback(value: RingGroupFallback) {
    this._fallback.internalValue = value;
  }
  public resetFallback() {
    this._fallback.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fallbackInput() {
    return this._fallback.internalValue;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // members - computed: true, optional: true, required: false
  private _members = new RingGroupMembersList(this, "members", false);
  public get members() {
    return this._members;
  }
  public putMembers(value: RingGroupMembers[] | cdktf.IResolvable) {
    this._members.internalValue = value;
  }
  public resetMembers() {
    this._members.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get membersInput() {
    return this._members.internalValue;
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

  // ring_timeout - computed: true, optional: true, required: false
  private _ringTimeout?: number; 
  public get ringTimeout() {
    return this.getNumberAttribute('ring_timeout');
  }
  public set ringTimeout(value: number) {
    this._ringTimeout = value;
  }
  public resetRingTimeout() {
    this._ringTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ringTimeoutInput() {
    return this._ringTimeout;
  }

  // site - computed: true, optional: true, required: false
  private _site?: string; 
  public get site() {
    return this.getStringAttribute('site');
  }
  public set site(value: string) {
    this._site = value;
  }
  public resetSite() {
    this._site = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get siteInput() {
    return this._site;
  }

  // spam - computed: true, optional: true, required: false
  private _spam?: string; 
  public get spam() {
    return this.getStringAttribute('spam');
  }
  public set spam(value: string) {
    this._spam = value;
  }
  public resetSpam() {
    this._spam = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get spamInput() {
    return this._spam;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      allow: cdktf.listMapper(cdktf.stringToTerraform, false)(this._allow),
      block: cdktf.listMapper(cdktf.stringToTerraform, false)(this._block),
      department: cdktf.stringToTerraform(this._department),
      domain: cdktf.stringToTerraform(this._domain),
      extension: cdktf.stringToTerraform(this._extension),
      fallback: ringGroupFallbackToTerraform(this._fallback.internalValue),
      members: cdktf.listMapper(ringGroupMembersToTerraform, false)(this._members.internalValue),
      name: cdktf.stringToTerraform(this._name),
      ring_timeout: cdktf.numberToTerraform(this._ringTimeout),
      site: cdktf.stringToTerraform(this._site),
      spam: cdktf.stringToTerraform(this._spam),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      allow: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._allow),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      block: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._block),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      department: {
        value: cdktf.stringToHclTerraform(this._department),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
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
      fallback: {
        value: ringGroupFallbackToHclTerraform(this._fallback.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "RingGroupFallback",
      },
      members: {
        value: cdktf.listMapperHcl(ringGroupMembersToHclTerraform, false)(this._members.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "RingGroupMembersList",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ring_timeout: {
        value: cdktf.numberToHclTerraform(this._ringTimeout),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      site: {
        value: cdktf.stringToHclTerraform(this._site),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      spam: {
        value: cdktf.stringToHclTerraform(this._spam),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
