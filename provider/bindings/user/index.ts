// https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface UserConfig extends cdktf.TerraformMetaArguments {
  /**
  * Numbers always let through (bypass do-not-disturb and screening).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#allow User#allow}
  */
  readonly allow?: string[];
  /**
  * Answering rules in priority order, one per time frame (the first whose time frame is in effect applies). A listed rule is managed whole; rules not listed are left alone unless answering_rules_managed is all. "*" is the default rule (spam/allow/block stay in their own fields).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#answering_rules User#answering_rules}
  */
  readonly answeringRules?: UserAnsweringRules[] | cdktf.IResolvable;
  /**
  * listed (default): only the rules in answering_rules are managed; all: rules for other time frames are deleted.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#answering_rules_managed User#answering_rules_managed}
  */
  readonly answeringRulesManaged?: string;
  /**
  * Numbers rejected before any forwarding; `anonymous` and `unknown` are allowed.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#block User#block}
  */
  readonly block?: string[];
  /**
  * Outbound caller ID name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#caller_id_name User#caller_id_name}
  */
  readonly callerIdName?: string;
  /**
  * Outbound caller ID number.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#caller_id_number User#caller_id_number}
  */
  readonly callerIdNumber?: string;
  /**
  * Department (created on first use).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#department User#department}
  */
  readonly department?: string;
  /**
  * The NetSapiens domain, e.g. acme.example.com.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#domain User#domain}
  */
  readonly domain: string;
  /**
  * E-mail address (welcome mail, voicemail notifications); several separated by `;`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#email User#email}
  */
  readonly email?: string;
  /**
  * Name of the emergency address (an `emergency_addresses` entry, or one on the platform) that emergency calls report.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#emergency_address User#emergency_address}
  */
  readonly emergencyAddress?: string;
  /**
  * Emergency (E911) caller ID number.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#emergency_caller_id User#emergency_caller_id}
  */
  readonly emergencyCallerId?: string;
  /**
  * Extension number (the platform user id). Changing it replaces the user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#extension User#extension}
  */
  readonly extension: string;
  /**
  * First name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#first_name User#first_name}
  */
  readonly firstName: string;
  /**
  * Last name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#last_name User#last_name}
  */
  readonly lastName: string;
  /**
  * The desk phone ("Add Phone Extension"): true, false, or { mac, model } for MAC provisioning.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#phone User#phone}
  */
  readonly phone?: UserPhone;
  /**
  * Every device of the user (desk phones by MAC and model, softphones), instead of phone:. The first is named after the extension, the next ones get the suffixes a, b, … (1001, 1001a, 1001b); devices not listed are removed.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#phones User#phones}
  */
  readonly phones?: UserPhones[] | cdktf.IResolvable;
  /**
  * How a different person at this extension is set up (needs --allow-recycle): reset keeps the user record as the portal does; recreate deletes and creates it (time frames, addresses, SIP passwords go too).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#recycle User#recycle}
  */
  readonly recycle?: string;
  /**
  * Seconds an inbound call rings before no-answer handling (voicemail).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#ring_timeout User#ring_timeout}
  */
  readonly ringTimeout?: number;
  /**
  * The platform's user scope (portal permissions): Basic User, Simple User, Advanced User, Call Center Agent, Site Manager, Call Center Supervisor, Office Manager, Reseller, Super User, NDP, No Portal, or a portal label mapped in platform.scope_labels.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#scope User#scope}
  */
  readonly scope?: string;
  /**
  * Name of the site (a `sites` entry, or one on the platform); new users inherit its defaults.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#site User#site}
  */
  readonly site?: string;
  /**
  * What to do with calls flagged as spam: ring as normal, send to voicemail, drop, or screen.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#spam User#spam}
  */
  readonly spam?: string;
  /**
  * The user's own time frames (same shapes as time_frames), which this user's answering rules may name; a user's time frame comes before the domain's of the same name. Listed: managed whole (the user's time frames not listed are deleted).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#time_frames User#time_frames}
  */
  readonly timeFrames?: UserTimeFrames[] | cdktf.IResolvable;
  /**
  * Time zone, e.g. America/New_York (affects time-of-day routing).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#time_zone User#time_zone}
  */
  readonly timeZone?: string;
  /**
  * Voicemail box settings.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#voicemail User#voicemail}
  */
  readonly voicemail?: UserVoicemail;
  /**
  * Send the welcome e-mail after the user is created (default true).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#welcome_email User#welcome_email}
  */
  readonly welcomeEmail?: boolean | cdktf.IResolvable;
}
export interface UserAnsweringRulesSimultaneousRing {
  /**
  * Seconds before this one starts ringing (default 0).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#delay_seconds User#delay_seconds}
  */
  readonly delaySeconds?: number;
  /**
  * Ring: an extension ("1002"), voicemail:<extension> (that voicemail box), or an outside number starting with +.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#to User#to}
  */
  readonly to: string;
}

export function userAnsweringRulesSimultaneousRingToTerraform(struct?: UserAnsweringRulesSimultaneousRing | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    delay_seconds: cdktf.numberToTerraform(struct!.delaySeconds),
    to: cdktf.stringToTerraform(struct!.to),
  }
}


export function userAnsweringRulesSimultaneousRingToHclTerraform(struct?: UserAnsweringRulesSimultaneousRing | cdktf.IResolvable): any {
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
    to: {
      value: cdktf.stringToHclTerraform(struct!.to),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class UserAnsweringRulesSimultaneousRingOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): UserAnsweringRulesSimultaneousRing | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._delaySeconds !== undefined) {
      hasAnyValues = true;
      internalValueResult.delaySeconds = this._delaySeconds;
    }
    if (this._to !== undefined) {
      hasAnyValues = true;
      internalValueResult.to = this._to;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: UserAnsweringRulesSimultaneousRing | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._delaySeconds = undefined;
      this._to = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._delaySeconds = value.delaySeconds;
      this._to = value.to;
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

  // to - computed: true, optional: false, required: true
  private _to?: string; 
  public get to() {
    return this.getStringAttribute('to');
  }
  public set to(value: string) {
    this._to = value;
  }
  // Temporarily expose input value. Use with caution.
  public get toInput() {
    return this._to;
  }
}

export class UserAnsweringRulesSimultaneousRingList extends cdktf.ComplexList {
  public internalValue? : UserAnsweringRulesSimultaneousRing[] | cdktf.IResolvable

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
  public get(index: number): UserAnsweringRulesSimultaneousRingOutputReference {
    return new UserAnsweringRulesSimultaneousRingOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface UserAnsweringRules {
  /**
  * Do not disturb: nothing rings.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#dnd User#dnd}
  */
  readonly dnd?: boolean | cdktf.IResolvable;
  /**
  * false keeps the rule but switches it off (default true).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#enabled User#enabled}
  */
  readonly enabled?: boolean | cdktf.IResolvable;
  /**
  * Forward every call: an extension ("1002"), voicemail:<extension> (that voicemail box), or an outside number starting with +.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#forward_always User#forward_always}
  */
  readonly forwardAlways?: string;
  /**
  * Forward when busy: an extension ("1002"), voicemail:<extension> (that voicemail box), or an outside number starting with +.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#forward_busy User#forward_busy}
  */
  readonly forwardBusy?: string;
  /**
  * Forward when unanswered after the ring timeout (ring_timeout): an extension ("1002"), voicemail:<extension> (that voicemail box), or an outside number starting with +.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#forward_no_answer User#forward_no_answer}
  */
  readonly forwardNoAnswer?: string;
  /**
  * Forward when no phone is registered: an extension ("1002"), voicemail:<extension> (that voicemail box), or an outside number starting with +.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#forward_unregistered User#forward_unregistered}
  */
  readonly forwardUnregistered?: string;
  /**
  * Call screening: callers record their name first.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#screen User#screen}
  */
  readonly screen?: boolean | cdktf.IResolvable;
  /**
  * Also ring these, optionally after a delay (the portal's "Ring Delay (sec)", `;delay=N`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#simultaneous_ring User#simultaneous_ring}
  */
  readonly simultaneousRing?: UserAnsweringRulesSimultaneousRing[] | cdktf.IResolvable;
  /**
  * Name of a time frame (time_frames), or "*" for the default rule.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#time_frame User#time_frame}
  */
  readonly timeFrame: string;
}

export function userAnsweringRulesToTerraform(struct?: UserAnsweringRules | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    dnd: cdktf.booleanToTerraform(struct!.dnd),
    enabled: cdktf.booleanToTerraform(struct!.enabled),
    forward_always: cdktf.stringToTerraform(struct!.forwardAlways),
    forward_busy: cdktf.stringToTerraform(struct!.forwardBusy),
    forward_no_answer: cdktf.stringToTerraform(struct!.forwardNoAnswer),
    forward_unregistered: cdktf.stringToTerraform(struct!.forwardUnregistered),
    screen: cdktf.booleanToTerraform(struct!.screen),
    simultaneous_ring: cdktf.listMapper(userAnsweringRulesSimultaneousRingToTerraform, false)(struct!.simultaneousRing),
    time_frame: cdktf.stringToTerraform(struct!.timeFrame),
  }
}


export function userAnsweringRulesToHclTerraform(struct?: UserAnsweringRules | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    dnd: {
      value: cdktf.booleanToHclTerraform(struct!.dnd),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    enabled: {
      value: cdktf.booleanToHclTerraform(struct!.enabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    forward_always: {
      value: cdktf.stringToHclTerraform(struct!.forwardAlways),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    forward_busy: {
      value: cdktf.stringToHclTerraform(struct!.forwardBusy),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    forward_no_answer: {
      value: cdktf.stringToHclTerraform(struct!.forwardNoAnswer),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    forward_unregistered: {
      value: cdktf.stringToHclTerraform(struct!.forwardUnregistered),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    screen: {
      value: cdktf.booleanToHclTerraform(struct!.screen),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    simultaneous_ring: {
      value: cdktf.listMapperHcl(userAnsweringRulesSimultaneousRingToHclTerraform, false)(struct!.simultaneousRing),
      isBlock: true,
      type: "list",
      storageClassType: "UserAnsweringRulesSimultaneousRingList",
    },
    time_frame: {
      value: cdktf.stringToHclTerraform(struct!.timeFrame),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class UserAnsweringRulesOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): UserAnsweringRules | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._dnd !== undefined) {
      hasAnyValues = true;
      internalValueResult.dnd = this._dnd;
    }
    if (this._enabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.enabled = this._enabled;
    }
    if (this._forwardAlways !== undefined) {
      hasAnyValues = true;
      internalValueResult.forwardAlways = this._forwardAlways;
    }
    if (this._forwardBusy !== undefined) {
      hasAnyValues = true;
      internalValueResult.forwardBusy = this._forwardBusy;
    }
    if (this._forwardNoAnswer !== undefined) {
      hasAnyValues = true;
      internalValueResult.forwardNoAnswer = this._forwardNoAnswer;
    }
    if (this._forwardUnregistered !== undefined) {
      hasAnyValues = true;
      internalValueResult.forwardUnregistered = this._forwardUnregistered;
    }
    if (this._screen !== undefined) {
      hasAnyValues = true;
      internalValueResult.screen = this._screen;
    }
    if (this._simultaneousRing?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.simultaneousRing = this._simultaneousRing?.internalValue;
    }
    if (this._timeFrame !== undefined) {
      hasAnyValues = true;
      internalValueResult.timeFrame = this._timeFrame;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: UserAnsweringRules | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._dnd = undefined;
      this._enabled = undefined;
      this._forwardAlways = undefined;
      this._forwardBusy = undefined;
      this._forwardNoAnswer = undefined;
      this._forwardUnregistered = undefined;
      this._screen = undefined;
      this._simultaneousRing.internalValue = undefined;
      this._timeFrame = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._dnd = value.dnd;
      this._enabled = value.enabled;
      this._forwardAlways = value.forwardAlways;
      this._forwardBusy = value.forwardBusy;
      this._forwardNoAnswer = value.forwardNoAnswer;
      this._forwardUnregistered = value.forwardUnregistered;
      this._screen = value.screen;
      this._simultaneousRing.internalValue = value.simultaneousRing;
      this._timeFrame = value.timeFrame;
    }
  }

  // dnd - computed: true, optional: true, required: false
  private _dnd?: boolean | cdktf.IResolvable; 
  public get dnd() {
    return this.getBooleanAttribute('dnd');
  }
  public set dnd(value: boolean | cdktf.IResolvable) {
    this._dnd = value;
  }
  public resetDnd() {
    this._dnd = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dndInput() {
    return this._dnd;
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

  // forward_always - computed: true, optional: true, required: false
  private _forwardAlways?: string; 
  public get forwardAlways() {
    return this.getStringAttribute('forward_always');
  }
  public set forwardAlways(value: string) {
    this._forwardAlways = value;
  }
  public resetForwardAlways() {
    this._forwardAlways = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forwardAlwaysInput() {
    return this._forwardAlways;
  }

  // forward_busy - computed: true, optional: true, required: false
  private _forwardBusy?: string; 
  public get forwardBusy() {
    return this.getStringAttribute('forward_busy');
  }
  public set forwardBusy(value: string) {
    this._forwardBusy = value;
  }
  public resetForwardBusy() {
    this._forwardBusy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forwardBusyInput() {
    return this._forwardBusy;
  }

  // forward_no_answer - computed: true, optional: true, required: false
  private _forwardNoAnswer?: string; 
  public get forwardNoAnswer() {
    return this.getStringAttribute('forward_no_answer');
  }
  public set forwardNoAnswer(value: string) {
    this._forwardNoAnswer = value;
  }
  public resetForwardNoAnswer() {
    this._forwardNoAnswer = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forwardNoAnswerInput() {
    return this._forwardNoAnswer;
  }

  // forward_unregistered - computed: true, optional: true, required: false
  private _forwardUnregistered?: string; 
  public get forwardUnregistered() {
    return this.getStringAttribute('forward_unregistered');
  }
  public set forwardUnregistered(value: string) {
    this._forwardUnregistered = value;
  }
  public resetForwardUnregistered() {
    this._forwardUnregistered = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forwardUnregisteredInput() {
    return this._forwardUnregistered;
  }

  // screen - computed: true, optional: true, required: false
  private _screen?: boolean | cdktf.IResolvable; 
  public get screen() {
    return this.getBooleanAttribute('screen');
  }
  public set screen(value: boolean | cdktf.IResolvable) {
    this._screen = value;
  }
  public resetScreen() {
    this._screen = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get screenInput() {
    return this._screen;
  }

  // simultaneous_ring - computed: true, optional: true, required: false
  private _simultaneousRing = new UserAnsweringRulesSimultaneousRingList(this, "simultaneous_ring", false);
  public get simultaneousRing() {
    return this._simultaneousRing;
  }
  public putSimultaneousRing(value: UserAnsweringRulesSimultaneousRing[] | cdktf.IResolvable) {
    this._simultaneousRing.internalValue = value;
  }
  public resetSimultaneousRing() {
    this._simultaneousRing.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get simultaneousRingInput() {
    return this._simultaneousRing.internalValue;
  }

  // time_frame - computed: true, optional: false, required: true
  private _timeFrame?: string; 
  public get timeFrame() {
    return this.getStringAttribute('time_frame');
  }
  public set timeFrame(value: string) {
    this._timeFrame = value;
  }
  // Temporarily expose input value. Use with caution.
  public get timeFrameInput() {
    return this._timeFrame;
  }
}

export class UserAnsweringRulesList extends cdktf.ComplexList {
  public internalValue? : UserAnsweringRules[] | cdktf.IResolvable

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
  public get(index: number): UserAnsweringRulesOutputReference {
    return new UserAnsweringRulesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface UserPhone {
  /**
  * Name of the emergency address (an `emergency_addresses` entry) this device's emergency calls report.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#emergency_address User#emergency_address}
  */
  readonly emergencyAddress?: string;
  /**
  * false removes the desk phone (the same as phone: false; the spelling Terraform can express).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#enabled User#enabled}
  */
  readonly enabled?: boolean | cdktf.IResolvable;
  /**
  * MAC address to provision.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#mac User#mac}
  */
  readonly mac?: string;
  /**
  * Phone model, e.g. yealink-t54w.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#model User#model}
  */
  readonly model?: string;
}

export function userPhoneToTerraform(struct?: UserPhone | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    emergency_address: cdktf.stringToTerraform(struct!.emergencyAddress),
    enabled: cdktf.booleanToTerraform(struct!.enabled),
    mac: cdktf.stringToTerraform(struct!.mac),
    model: cdktf.stringToTerraform(struct!.model),
  }
}


export function userPhoneToHclTerraform(struct?: UserPhone | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    emergency_address: {
      value: cdktf.stringToHclTerraform(struct!.emergencyAddress),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    enabled: {
      value: cdktf.booleanToHclTerraform(struct!.enabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    mac: {
      value: cdktf.stringToHclTerraform(struct!.mac),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    model: {
      value: cdktf.stringToHclTerraform(struct!.model),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class UserPhoneOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): UserPhone | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._emergencyAddress !== undefined) {
      hasAnyValues = true;
      internalValueResult.emergencyAddress = this._emergencyAddress;
    }
    if (this._enabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.enabled = this._enabled;
    }
    if (this._mac !== undefined) {
      hasAnyValues = true;
      internalValueResult.mac = this._mac;
    }
    if (this._model !== undefined) {
      hasAnyValues = true;
      internalValueResult.model = this._model;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: UserPhone | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._emergencyAddress = undefined;
      this._enabled = undefined;
      this._mac = undefined;
      this._model = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._emergencyAddress = value.emergencyAddress;
      this._enabled = value.enabled;
      this._mac = value.mac;
      this._model = value.model;
    }
  }

  // emergency_address - computed: true, optional: true, required: false
  private _emergencyAddress?: string; 
  public get emergencyAddress() {
    return this.getStringAttribute('emergency_address');
  }
  public set emergencyAddress(value: string) {
    this._emergencyAddress = value;
  }
  public resetEmergencyAddress() {
    this._emergencyAddress = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get emergencyAddressInput() {
    return this._emergencyAddress;
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

  // mac - computed: true, optional: true, required: false
  private _mac?: string; 
  public get mac() {
    return this.getStringAttribute('mac');
  }
  public set mac(value: string) {
    this._mac = value;
  }
  public resetMac() {
    this._mac = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get macInput() {
    return this._mac;
  }

  // model - computed: true, optional: true, required: false
  private _model?: string; 
  public get model() {
    return this.getStringAttribute('model');
  }
  public set model(value: string) {
    this._model = value;
  }
  public resetModel() {
    this._model = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get modelInput() {
    return this._model;
  }
}
export interface UserPhones {
  /**
  * Name of the emergency address (an `emergency_addresses` entry) this device's emergency calls report.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#emergency_address User#emergency_address}
  */
  readonly emergencyAddress?: string;
  /**
  * Line key of the desk phone this device takes (1–8, default 1); needs mac.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#line User#line}
  */
  readonly line?: number;
  /**
  * MAC address of a desk phone.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#mac User#mac}
  */
  readonly mac?: string;
  /**
  * Phone model, e.g. yealink-t54w.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#model User#model}
  */
  readonly model?: string;
  /**
  * Device name after the extension ("" = the extension itself); default: by position ("", a, b …).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#suffix User#suffix}
  */
  readonly suffix?: string;
}

export function userPhonesToTerraform(struct?: UserPhones | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    emergency_address: cdktf.stringToTerraform(struct!.emergencyAddress),
    line: cdktf.numberToTerraform(struct!.line),
    mac: cdktf.stringToTerraform(struct!.mac),
    model: cdktf.stringToTerraform(struct!.model),
    suffix: cdktf.stringToTerraform(struct!.suffix),
  }
}


export function userPhonesToHclTerraform(struct?: UserPhones | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    emergency_address: {
      value: cdktf.stringToHclTerraform(struct!.emergencyAddress),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    line: {
      value: cdktf.numberToHclTerraform(struct!.line),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    mac: {
      value: cdktf.stringToHclTerraform(struct!.mac),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    model: {
      value: cdktf.stringToHclTerraform(struct!.model),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    suffix: {
      value: cdktf.stringToHclTerraform(struct!.suffix),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class UserPhonesOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): UserPhones | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._emergencyAddress !== undefined) {
      hasAnyValues = true;
      internalValueResult.emergencyAddress = this._emergencyAddress;
    }
    if (this._line !== undefined) {
      hasAnyValues = true;
      internalValueResult.line = this._line;
    }
    if (this._mac !== undefined) {
      hasAnyValues = true;
      internalValueResult.mac = this._mac;
    }
    if (this._model !== undefined) {
      hasAnyValues = true;
      internalValueResult.model = this._model;
    }
    if (this._suffix !== undefined) {
      hasAnyValues = true;
      internalValueResult.suffix = this._suffix;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: UserPhones | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._emergencyAddress = undefined;
      this._line = undefined;
      this._mac = undefined;
      this._model = undefined;
      this._suffix = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._emergencyAddress = value.emergencyAddress;
      this._line = value.line;
      this._mac = value.mac;
      this._model = value.model;
      this._suffix = value.suffix;
    }
  }

  // emergency_address - computed: true, optional: true, required: false
  private _emergencyAddress?: string; 
  public get emergencyAddress() {
    return this.getStringAttribute('emergency_address');
  }
  public set emergencyAddress(value: string) {
    this._emergencyAddress = value;
  }
  public resetEmergencyAddress() {
    this._emergencyAddress = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get emergencyAddressInput() {
    return this._emergencyAddress;
  }

  // line - computed: true, optional: true, required: false
  private _line?: number; 
  public get line() {
    return this.getNumberAttribute('line');
  }
  public set line(value: number) {
    this._line = value;
  }
  public resetLine() {
    this._line = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get lineInput() {
    return this._line;
  }

  // mac - computed: true, optional: true, required: false
  private _mac?: string; 
  public get mac() {
    return this.getStringAttribute('mac');
  }
  public set mac(value: string) {
    this._mac = value;
  }
  public resetMac() {
    this._mac = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get macInput() {
    return this._mac;
  }

  // model - computed: true, optional: true, required: false
  private _model?: string; 
  public get model() {
    return this.getStringAttribute('model');
  }
  public set model(value: string) {
    this._model = value;
  }
  public resetModel() {
    this._model = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get modelInput() {
    return this._model;
  }

  // suffix - computed: true, optional: true, required: false
  private _suffix?: string; 
  public get suffix() {
    return this.getStringAttribute('suffix');
  }
  public set suffix(value: string) {
    this._suffix = value;
  }
  public resetSuffix() {
    this._suffix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get suffixInput() {
    return this._suffix;
  }
}

export class UserPhonesList extends cdktf.ComplexList {
  public internalValue? : UserPhones[] | cdktf.IResolvable

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
  public get(index: number): UserPhonesOutputReference {
    return new UserPhonesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface UserTimeFramesDates {
  /**
  * Last day, YYYY-MM-DD (default: start_date).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#end_date User#end_date}
  */
  readonly endDate?: string;
  /**
  * End time on the last day, HH:MM (default 23:59).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#end_time User#end_time}
  */
  readonly endTime?: string;
  /**
  * First day, YYYY-MM-DD.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#start_date User#start_date}
  */
  readonly startDate: string;
  /**
  * Start time on the first day, HH:MM (default 00:00).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#start_time User#start_time}
  */
  readonly startTime?: string;
  /**
  * Repeat every year on the same dates (default: no).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#yearly User#yearly}
  */
  readonly yearly?: boolean | cdktf.IResolvable;
}

export function userTimeFramesDatesToTerraform(struct?: UserTimeFramesDates | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    end_date: cdktf.stringToTerraform(struct!.endDate),
    end_time: cdktf.stringToTerraform(struct!.endTime),
    start_date: cdktf.stringToTerraform(struct!.startDate),
    start_time: cdktf.stringToTerraform(struct!.startTime),
    yearly: cdktf.booleanToTerraform(struct!.yearly),
  }
}


export function userTimeFramesDatesToHclTerraform(struct?: UserTimeFramesDates | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    end_date: {
      value: cdktf.stringToHclTerraform(struct!.endDate),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    end_time: {
      value: cdktf.stringToHclTerraform(struct!.endTime),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    start_date: {
      value: cdktf.stringToHclTerraform(struct!.startDate),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    start_time: {
      value: cdktf.stringToHclTerraform(struct!.startTime),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    yearly: {
      value: cdktf.booleanToHclTerraform(struct!.yearly),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class UserTimeFramesDatesOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): UserTimeFramesDates | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._endDate !== undefined) {
      hasAnyValues = true;
      internalValueResult.endDate = this._endDate;
    }
    if (this._endTime !== undefined) {
      hasAnyValues = true;
      internalValueResult.endTime = this._endTime;
    }
    if (this._startDate !== undefined) {
      hasAnyValues = true;
      internalValueResult.startDate = this._startDate;
    }
    if (this._startTime !== undefined) {
      hasAnyValues = true;
      internalValueResult.startTime = this._startTime;
    }
    if (this._yearly !== undefined) {
      hasAnyValues = true;
      internalValueResult.yearly = this._yearly;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: UserTimeFramesDates | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._endDate = undefined;
      this._endTime = undefined;
      this._startDate = undefined;
      this._startTime = undefined;
      this._yearly = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._endDate = value.endDate;
      this._endTime = value.endTime;
      this._startDate = value.startDate;
      this._startTime = value.startTime;
      this._yearly = value.yearly;
    }
  }

  // end_date - computed: true, optional: true, required: false
  private _endDate?: string; 
  public get endDate() {
    return this.getStringAttribute('end_date');
  }
  public set endDate(value: string) {
    this._endDate = value;
  }
  public resetEndDate() {
    this._endDate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endDateInput() {
    return this._endDate;
  }

  // end_time - computed: true, optional: true, required: false
  private _endTime?: string; 
  public get endTime() {
    return this.getStringAttribute('end_time');
  }
  public set endTime(value: string) {
    this._endTime = value;
  }
  public resetEndTime() {
    this._endTime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endTimeInput() {
    return this._endTime;
  }

  // start_date - computed: true, optional: false, required: true
  private _startDate?: string; 
  public get startDate() {
    return this.getStringAttribute('start_date');
  }
  public set startDate(value: string) {
    this._startDate = value;
  }
  // Temporarily expose input value. Use with caution.
  public get startDateInput() {
    return this._startDate;
  }

  // start_time - computed: true, optional: true, required: false
  private _startTime?: string; 
  public get startTime() {
    return this.getStringAttribute('start_time');
  }
  public set startTime(value: string) {
    this._startTime = value;
  }
  public resetStartTime() {
    this._startTime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get startTimeInput() {
    return this._startTime;
  }

  // yearly - computed: true, optional: true, required: false
  private _yearly?: boolean | cdktf.IResolvable; 
  public get yearly() {
    return this.getBooleanAttribute('yearly');
  }
  public set yearly(value: boolean | cdktf.IResolvable) {
    this._yearly = value;
  }
  public resetYearly() {
    this._yearly = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get yearlyInput() {
    return this._yearly;
  }
}

export class UserTimeFramesDatesList extends cdktf.ComplexList {
  public internalValue? : UserTimeFramesDates[] | cdktf.IResolvable

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
  public get(index: number): UserTimeFramesDatesOutputReference {
    return new UserTimeFramesDatesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface UserTimeFramesDaysOfWeek {
  /**
  * Hours on Fridays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#friday User#friday}
  */
  readonly friday?: string;
  /**
  * Hours on Mondays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#monday User#monday}
  */
  readonly monday?: string;
  /**
  * Hours on Saturdays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#saturday User#saturday}
  */
  readonly saturday?: string;
  /**
  * Hours on Sundays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#sunday User#sunday}
  */
  readonly sunday?: string;
  /**
  * Hours on Thursdays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#thursday User#thursday}
  */
  readonly thursday?: string;
  /**
  * Hours on Tuesdays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#tuesday User#tuesday}
  */
  readonly tuesday?: string;
  /**
  * Hours on Wednesdays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#wednesday User#wednesday}
  */
  readonly wednesday?: string;
}

export function userTimeFramesDaysOfWeekToTerraform(struct?: UserTimeFramesDaysOfWeek | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    friday: cdktf.stringToTerraform(struct!.friday),
    monday: cdktf.stringToTerraform(struct!.monday),
    saturday: cdktf.stringToTerraform(struct!.saturday),
    sunday: cdktf.stringToTerraform(struct!.sunday),
    thursday: cdktf.stringToTerraform(struct!.thursday),
    tuesday: cdktf.stringToTerraform(struct!.tuesday),
    wednesday: cdktf.stringToTerraform(struct!.wednesday),
  }
}


export function userTimeFramesDaysOfWeekToHclTerraform(struct?: UserTimeFramesDaysOfWeek | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    friday: {
      value: cdktf.stringToHclTerraform(struct!.friday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    monday: {
      value: cdktf.stringToHclTerraform(struct!.monday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    saturday: {
      value: cdktf.stringToHclTerraform(struct!.saturday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    sunday: {
      value: cdktf.stringToHclTerraform(struct!.sunday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    thursday: {
      value: cdktf.stringToHclTerraform(struct!.thursday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    tuesday: {
      value: cdktf.stringToHclTerraform(struct!.tuesday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    wednesday: {
      value: cdktf.stringToHclTerraform(struct!.wednesday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class UserTimeFramesDaysOfWeekOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): UserTimeFramesDaysOfWeek | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._friday !== undefined) {
      hasAnyValues = true;
      internalValueResult.friday = this._friday;
    }
    if (this._monday !== undefined) {
      hasAnyValues = true;
      internalValueResult.monday = this._monday;
    }
    if (this._saturday !== undefined) {
      hasAnyValues = true;
      internalValueResult.saturday = this._saturday;
    }
    if (this._sunday !== undefined) {
      hasAnyValues = true;
      internalValueResult.sunday = this._sunday;
    }
    if (this._thursday !== undefined) {
      hasAnyValues = true;
      internalValueResult.thursday = this._thursday;
    }
    if (this._tuesday !== undefined) {
      hasAnyValues = true;
      internalValueResult.tuesday = this._tuesday;
    }
    if (this._wednesday !== undefined) {
      hasAnyValues = true;
      internalValueResult.wednesday = this._wednesday;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: UserTimeFramesDaysOfWeek | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._friday = undefined;
      this._monday = undefined;
      this._saturday = undefined;
      this._sunday = undefined;
      this._thursday = undefined;
      this._tuesday = undefined;
      this._wednesday = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._friday = value.friday;
      this._monday = value.monday;
      this._saturday = value.saturday;
      this._sunday = value.sunday;
      this._thursday = value.thursday;
      this._tuesday = value.tuesday;
      this._wednesday = value.wednesday;
    }
  }

  // friday - computed: true, optional: true, required: false
  private _friday?: string; 
  public get friday() {
    return this.getStringAttribute('friday');
  }
  public set friday(value: string) {
    this._friday = value;
  }
  public resetFriday() {
    this._friday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fridayInput() {
    return this._friday;
  }

  // monday - computed: true, optional: true, required: false
  private _monday?: string; 
  public get monday() {
    return this.getStringAttribute('monday');
  }
  public set monday(value: string) {
    this._monday = value;
  }
  public resetMonday() {
    this._monday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get mondayInput() {
    return this._monday;
  }

  // saturday - computed: true, optional: true, required: false
  private _saturday?: string; 
  public get saturday() {
    return this.getStringAttribute('saturday');
  }
  public set saturday(value: string) {
    this._saturday = value;
  }
  public resetSaturday() {
    this._saturday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get saturdayInput() {
    return this._saturday;
  }

  // sunday - computed: true, optional: true, required: false
  private _sunday?: string; 
  public get sunday() {
    return this.getStringAttribute('sunday');
  }
  public set sunday(value: string) {
    this._sunday = value;
  }
  public resetSunday() {
    this._sunday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sundayInput() {
    return this._sunday;
  }

  // thursday - computed: true, optional: true, required: false
  private _thursday?: string; 
  public get thursday() {
    return this.getStringAttribute('thursday');
  }
  public set thursday(value: string) {
    this._thursday = value;
  }
  public resetThursday() {
    this._thursday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get thursdayInput() {
    return this._thursday;
  }

  // tuesday - computed: true, optional: true, required: false
  private _tuesday?: string; 
  public get tuesday() {
    return this.getStringAttribute('tuesday');
  }
  public set tuesday(value: string) {
    this._tuesday = value;
  }
  public resetTuesday() {
    this._tuesday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tuesdayInput() {
    return this._tuesday;
  }

  // wednesday - computed: true, optional: true, required: false
  private _wednesday?: string; 
  public get wednesday() {
    return this.getStringAttribute('wednesday');
  }
  public set wednesday(value: string) {
    this._wednesday = value;
  }
  public resetWednesday() {
    this._wednesday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get wednesdayInput() {
    return this._wednesday;
  }
}
export interface UserTimeFramesHolidays {
  /**
  * Country code (default US).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#country User#country}
  */
  readonly country?: string;
  /**
  * First occurrence, YYYY-MM-DD.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#date User#date}
  */
  readonly date: string;
  /**
  * Holiday name, e.g. "Christmas Day".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#name User#name}
  */
  readonly name: string;
  /**
  * Recur every year on the holiday (default: yes).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#yearly User#yearly}
  */
  readonly yearly?: boolean | cdktf.IResolvable;
}

export function userTimeFramesHolidaysToTerraform(struct?: UserTimeFramesHolidays | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    country: cdktf.stringToTerraform(struct!.country),
    date: cdktf.stringToTerraform(struct!.date),
    name: cdktf.stringToTerraform(struct!.name),
    yearly: cdktf.booleanToTerraform(struct!.yearly),
  }
}


export function userTimeFramesHolidaysToHclTerraform(struct?: UserTimeFramesHolidays | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    country: {
      value: cdktf.stringToHclTerraform(struct!.country),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    date: {
      value: cdktf.stringToHclTerraform(struct!.date),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    yearly: {
      value: cdktf.booleanToHclTerraform(struct!.yearly),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class UserTimeFramesHolidaysOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): UserTimeFramesHolidays | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._country !== undefined) {
      hasAnyValues = true;
      internalValueResult.country = this._country;
    }
    if (this._date !== undefined) {
      hasAnyValues = true;
      internalValueResult.date = this._date;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._yearly !== undefined) {
      hasAnyValues = true;
      internalValueResult.yearly = this._yearly;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: UserTimeFramesHolidays | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._country = undefined;
      this._date = undefined;
      this._name = undefined;
      this._yearly = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._country = value.country;
      this._date = value.date;
      this._name = value.name;
      this._yearly = value.yearly;
    }
  }

  // country - computed: true, optional: true, required: false
  private _country?: string; 
  public get country() {
    return this.getStringAttribute('country');
  }
  public set country(value: string) {
    this._country = value;
  }
  public resetCountry() {
    this._country = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get countryInput() {
    return this._country;
  }

  // date - computed: true, optional: false, required: true
  private _date?: string; 
  public get date() {
    return this.getStringAttribute('date');
  }
  public set date(value: string) {
    this._date = value;
  }
  // Temporarily expose input value. Use with caution.
  public get dateInput() {
    return this._date;
  }

  // name - computed: true, optional: false, required: true
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

  // yearly - computed: true, optional: true, required: false
  private _yearly?: boolean | cdktf.IResolvable; 
  public get yearly() {
    return this.getBooleanAttribute('yearly');
  }
  public set yearly(value: boolean | cdktf.IResolvable) {
    this._yearly = value;
  }
  public resetYearly() {
    this._yearly = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get yearlyInput() {
    return this._yearly;
  }
}

export class UserTimeFramesHolidaysList extends cdktf.ComplexList {
  public internalValue? : UserTimeFramesHolidays[] | cdktf.IResolvable

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
  public get(index: number): UserTimeFramesHolidaysOutputReference {
    return new UserTimeFramesHolidaysOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface UserTimeFrames {
  /**
  * Date ranges (type specific_dates), in the domain time zone.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#dates User#dates}
  */
  readonly dates?: UserTimeFramesDates[] | cdktf.IResolvable;
  /**
  * Hours per day (type days_of_week), in the domain time zone; days left out are not in the time frame.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#days_of_week User#days_of_week}
  */
  readonly daysOfWeek?: UserTimeFramesDaysOfWeek;
  /**
  * Holidays (type holidays), whole days, observed on the day itself.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#holidays User#holidays}
  */
  readonly holidays?: UserTimeFramesHolidays[] | cdktf.IResolvable;
  /**
  * Name of the time frame; answering rules refer to it by this name. Another name is another time frame.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#name User#name}
  */
  readonly name: string;
  /**
  * always; days_of_week (with days_of_week); specific_dates (with dates); holidays (with holidays). Changing it converts the time frame.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#type User#type}
  */
  readonly type: string;
}

export function userTimeFramesToTerraform(struct?: UserTimeFrames | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    dates: cdktf.listMapper(userTimeFramesDatesToTerraform, false)(struct!.dates),
    days_of_week: userTimeFramesDaysOfWeekToTerraform(struct!.daysOfWeek),
    holidays: cdktf.listMapper(userTimeFramesHolidaysToTerraform, false)(struct!.holidays),
    name: cdktf.stringToTerraform(struct!.name),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function userTimeFramesToHclTerraform(struct?: UserTimeFrames | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    dates: {
      value: cdktf.listMapperHcl(userTimeFramesDatesToHclTerraform, false)(struct!.dates),
      isBlock: true,
      type: "list",
      storageClassType: "UserTimeFramesDatesList",
    },
    days_of_week: {
      value: userTimeFramesDaysOfWeekToHclTerraform(struct!.daysOfWeek),
      isBlock: true,
      type: "struct",
      storageClassType: "UserTimeFramesDaysOfWeek",
    },
    holidays: {
      value: cdktf.listMapperHcl(userTimeFramesHolidaysToHclTerraform, false)(struct!.holidays),
      isBlock: true,
      type: "list",
      storageClassType: "UserTimeFramesHolidaysList",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class UserTimeFramesOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): UserTimeFrames | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._dates?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.dates = this._dates?.internalValue;
    }
    if (this._daysOfWeek?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.daysOfWeek = this._daysOfWeek?.internalValue;
    }
    if (this._holidays?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.holidays = this._holidays?.internalValue;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: UserTimeFrames | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._dates.internalValue = undefined;
      this._daysOfWeek.internalValue = undefined;
      this._holidays.internalValue = undefined;
      this._name = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._dates.internalValue = value.dates;
      this._daysOfWeek.internalValue = value.daysOfWeek;
      this._holidays.internalValue = value.holidays;
      this._name = value.name;
      this._type = value.type;
    }
  }

  // dates - computed: true, optional: true, required: false
  private _dates = new UserTimeFramesDatesList(this, "dates", false);
  public get dates() {
    return this._dates;
  }
  public putDates(value: UserTimeFramesDates[] | cdktf.IResolvable) {
    this._dates.internalValue = value;
  }
  public resetDates() {
    this._dates.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get datesInput() {
    return this._dates.internalValue;
  }

  // days_of_week - computed: true, optional: true, required: false
  private _daysOfWeek = new UserTimeFramesDaysOfWeekOutputReference(this, "days_of_week");
  public get daysOfWeek() {
    return this._daysOfWeek;
  }
  public putDaysOfWeek(value: UserTimeFramesDaysOfWeek) {
    this._daysOfWeek.internalValue = value;
  }
  public resetDaysOfWeek() {
    this._daysOfWeek.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get daysOfWeekInput() {
    return this._daysOfWeek.internalValue;
  }

  // holidays - computed: true, optional: true, required: false
  private _holidays = new UserTimeFramesHolidaysList(this, "holidays", false);
  public get holidays() {
    return this._holidays;
  }
  public putHolidays(value: UserTimeFramesHolidays[] | cdktf.IResolvable) {
    this._holidays.internalValue = value;
  }
  public resetHolidays() {
    this._holidays.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get holidaysInput() {
    return this._holidays.internalValue;
  }

  // name - computed: true, optional: false, required: true
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

  // type - computed: true, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}

export class UserTimeFramesList extends cdktf.ComplexList {
  public internalValue? : UserTimeFrames[] | cdktf.IResolvable

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
  public get(index: number): UserTimeFramesOutputReference {
    return new UserTimeFramesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface UserVoicemail {
  /**
  * E-mail on new voicemail: none, notify, or attach the message.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#email_notification User#email_notification}
  */
  readonly emailNotification?: string;
  /**
  * Enable voicemail.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#enabled User#enabled}
  */
  readonly enabled?: boolean | cdktf.IResolvable;
  /**
  * Voicemail PIN, as a reference to an environment variable: { env: NAME }.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#pin User#pin}
  */
  readonly pin?: string;
  /**
  * Change this value (any string, e.g. a date) to send `pin` again: a write-only value is not stored, so Terraform cannot see it change by itself.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#pin_version User#pin_version}
  */
  readonly pinVersion?: string;
  /**
  * Transcribe voicemail messages.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#transcription User#transcription}
  */
  readonly transcription?: boolean | cdktf.IResolvable;
}

export function userVoicemailToTerraform(struct?: UserVoicemail | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    email_notification: cdktf.stringToTerraform(struct!.emailNotification),
    enabled: cdktf.booleanToTerraform(struct!.enabled),
    pin: cdktf.stringToTerraform(struct!.pin),
    pin_version: cdktf.stringToTerraform(struct!.pinVersion),
    transcription: cdktf.booleanToTerraform(struct!.transcription),
  }
}


export function userVoicemailToHclTerraform(struct?: UserVoicemail | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    email_notification: {
      value: cdktf.stringToHclTerraform(struct!.emailNotification),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    enabled: {
      value: cdktf.booleanToHclTerraform(struct!.enabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    pin: {
      value: cdktf.stringToHclTerraform(struct!.pin),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    pin_version: {
      value: cdktf.stringToHclTerraform(struct!.pinVersion),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    transcription: {
      value: cdktf.booleanToHclTerraform(struct!.transcription),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class UserVoicemailOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): UserVoicemail | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._emailNotification !== undefined) {
      hasAnyValues = true;
      internalValueResult.emailNotification = this._emailNotification;
    }
    if (this._enabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.enabled = this._enabled;
    }
    if (this._pin !== undefined) {
      hasAnyValues = true;
      internalValueResult.pin = this._pin;
    }
    if (this._pinVersion !== undefined) {
      hasAnyValues = true;
      internalValueResult.pinVersion = this._pinVersion;
    }
    if (this._transcription !== undefined) {
      hasAnyValues = true;
      internalValueResult.transcription = this._transcription;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: UserVoicemail | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._emailNotification = undefined;
      this._enabled = undefined;
      this._pin = undefined;
      this._pinVersion = undefined;
      this._transcription = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._emailNotification = value.emailNotification;
      this._enabled = value.enabled;
      this._pin = value.pin;
      this._pinVersion = value.pinVersion;
      this._transcription = value.transcription;
    }
  }

  // email_notification - computed: true, optional: true, required: false
  private _emailNotification?: string; 
  public get emailNotification() {
    return this.getStringAttribute('email_notification');
  }
  public set emailNotification(value: string) {
    this._emailNotification = value;
  }
  public resetEmailNotification() {
    this._emailNotification = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get emailNotificationInput() {
    return this._emailNotification;
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

  // pin - computed: true, optional: true, required: false
  private _pin?: string; 
  public get pin() {
    return this.getStringAttribute('pin');
  }
  public set pin(value: string) {
    this._pin = value;
  }
  public resetPin() {
    this._pin = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pinInput() {
    return this._pin;
  }

  // pin_version - computed: true, optional: true, required: false
  private _pinVersion?: string; 
  public get pinVersion() {
    return this.getStringAttribute('pin_version');
  }
  public set pinVersion(value: string) {
    this._pinVersion = value;
  }
  public resetPinVersion() {
    this._pinVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pinVersionInput() {
    return this._pinVersion;
  }

  // transcription - computed: true, optional: true, required: false
  private _transcription?: boolean | cdktf.IResolvable; 
  public get transcription() {
    return this.getBooleanAttribute('transcription');
  }
  public set transcription(value: boolean | cdktf.IResolvable) {
    this._transcription = value;
  }
  public resetTranscription() {
    this._transcription = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get transcriptionInput() {
    return this._transcription;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user netsapiens_user}
*/
export class User extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "netsapiens_user";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a User resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the User to import
  * @param importFromId The id of the existing User that should be imported. Refer to the {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the User to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "netsapiens_user", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/user netsapiens_user} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options UserConfig
  */
  public constructor(scope: Construct, id: string, config: UserConfig) {
    super(scope, id, {
      terraformResourceType: 'netsapiens_user',
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
    this._answeringRules.internalValue = config.answeringRules;
    this._answeringRulesManaged = config.answeringRulesManaged;
    this._block = config.block;
    this._callerIdName = config.callerIdName;
    this._callerIdNumber = config.callerIdNumber;
    this._department = config.department;
    this._domain = config.domain;
    this._email = config.email;
    this._emergencyAddress = config.emergencyAddress;
    this._emergencyCallerId = config.emergencyCallerId;
    this._extension = config.extension;
    this._firstName = config.firstName;
    this._lastName = config.lastName;
    this._phone.internalValue = config.phone;
    this._phones.internalValue = config.phones;
    this._recycle = config.recycle;
    this._ringTimeout = config.ringTimeout;
    this._scope = config.scope;
    this._site = config.site;
    this._spam = config.spam;
    this._timeFrames.internalValue = config.timeFrames;
    this._timeZone = config.timeZone;
    this._voicemail.internalValue = config.voicemail;
    this._welcomeEmail = config.welcomeEmail;
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

  // answering_rules - computed: true, optional: true, required: false
  private _answeringRules = new UserAnsweringRulesList(this, "answering_rules", false);
  public get answeringRules() {
    return this._answeringRules;
  }
  public putAnsweringRules(value: UserAnsweringRules[] | cdktf.IResolvable) {
    this._answeringRules.internalValue = value;
  }
  public resetAnsweringRules() {
    this._answeringRules.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get answeringRulesInput() {
    return this._answeringRules.internalValue;
  }

  // answering_rules_managed - computed: false, optional: true, required: false
  private _answeringRulesManaged?: string; 
  public get answeringRulesManaged() {
    return this.getStringAttribute('answering_rules_managed');
  }
  public set answeringRulesManaged(value: string) {
    this._answeringRulesManaged = value;
  }
  public resetAnsweringRulesManaged() {
    this._answeringRulesManaged = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get answeringRulesManagedInput() {
    return this._answeringRulesManaged;
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

  // caller_id_name - computed: true, optional: true, required: false
  private _callerIdName?: string; 
  public get callerIdName() {
    return this.getStringAttribute('caller_id_name');
  }
  public set callerIdName(value: string) {
    this._callerIdName = value;
  }
  public resetCallerIdName() {
    this._callerIdName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get callerIdNameInput() {
    return this._callerIdName;
  }

  // caller_id_number - computed: true, optional: true, required: false
  private _callerIdNumber?: string; 
  public get callerIdNumber() {
    return this.getStringAttribute('caller_id_number');
  }
  public set callerIdNumber(value: string) {
    this._callerIdNumber = value;
  }
  public resetCallerIdNumber() {
    this._callerIdNumber = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get callerIdNumberInput() {
    return this._callerIdNumber;
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

  // email - computed: true, optional: true, required: false
  private _email?: string; 
  public get email() {
    return this.getStringAttribute('email');
  }
  public set email(value: string) {
    this._email = value;
  }
  public resetEmail() {
    this._email = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get emailInput() {
    return this._email;
  }

  // emergency_address - computed: true, optional: true, required: false
  private _emergencyAddress?: string; 
  public get emergencyAddress() {
    return this.getStringAttribute('emergency_address');
  }
  public set emergencyAddress(value: string) {
    this._emergencyAddress = value;
  }
  public resetEmergencyAddress() {
    this._emergencyAddress = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get emergencyAddressInput() {
    return this._emergencyAddress;
  }

  // emergency_caller_id - computed: true, optional: true, required: false
  private _emergencyCallerId?: string; 
  public get emergencyCallerId() {
    return this.getStringAttribute('emergency_caller_id');
  }
  public set emergencyCallerId(value: string) {
    this._emergencyCallerId = value;
  }
  public resetEmergencyCallerId() {
    this._emergencyCallerId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get emergencyCallerIdInput() {
    return this._emergencyCallerId;
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

  // first_name - computed: false, optional: false, required: true
  private _firstName?: string; 
  public get firstName() {
    return this.getStringAttribute('first_name');
  }
  public set firstName(value: string) {
    this._firstName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get firstNameInput() {
    return this._firstName;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // last_name - computed: false, optional: false, required: true
  private _lastName?: string; 
  public get lastName() {
    return this.getStringAttribute('last_name');
  }
  public set lastName(value: string) {
    this._lastName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get lastNameInput() {
    return this._lastName;
  }

  // phone - computed: true, optional: true, required: false
  private _phone = new UserPhoneOutputReference(this, "phone");
  public get phone() {
    return this._phone;
  }
  public putPhone(value: UserPhone) {
    this._phone.internalValue = value;
  }
  public resetPhone() {
    this._phone.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get phoneInput() {
    return this._phone.internalValue;
  }

  // phones - computed: true, optional: true, required: false
  private _phones = new UserPhonesList(this, "phones", false);
  public get phones() {
    return this._phones;
  }
  public putPhones(value: UserPhones[] | cdktf.IResolvable) {
    this._phones.internalValue = value;
  }
  public resetPhones() {
    this._phones.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get phonesInput() {
    return this._phones.internalValue;
  }

  // recycle - computed: false, optional: true, required: false
  private _recycle?: string; 
  public get recycle() {
    return this.getStringAttribute('recycle');
  }
  public set recycle(value: string) {
    this._recycle = value;
  }
  public resetRecycle() {
    this._recycle = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get recycleInput() {
    return this._recycle;
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

  // scope - computed: true, optional: true, required: false
  private _scope?: string; 
  public get scope() {
    return this.getStringAttribute('scope');
  }
  public set scope(value: string) {
    this._scope = value;
  }
  public resetScope() {
    this._scope = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get scopeInput() {
    return this._scope;
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

  // time_frames - computed: true, optional: true, required: false
  private _timeFrames = new UserTimeFramesList(this, "time_frames", false);
  public get timeFrames() {
    return this._timeFrames;
  }
  public putTimeFrames(value: UserTimeFrames[] | cdktf.IResolvable) {
    this._timeFrames.internalValue = value;
  }
  public resetTimeFrames() {
    this._timeFrames.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeFramesInput() {
    return this._timeFrames.internalValue;
  }

  // time_zone - computed: true, optional: true, required: false
  private _timeZone?: string; 
  public get timeZone() {
    return this.getStringAttribute('time_zone');
  }
  public set timeZone(value: string) {
    this._timeZone = value;
  }
  public resetTimeZone() {
    this._timeZone = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeZoneInput() {
    return this._timeZone;
  }

  // voicemail - computed: true, optional: true, required: false
  private _voicemail = new UserVoicemailOutputReference(this, "voicemail");
  public get voicemail() {
    return this._voicemail;
  }
  public putVoicemail(value: UserVoicemail) {
    this._voicemail.internalValue = value;
  }
  public resetVoicemail() {
    this._voicemail.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get voicemailInput() {
    return this._voicemail.internalValue;
  }

  // welcome_email - computed: false, optional: true, required: false
  private _welcomeEmail?: boolean | cdktf.IResolvable; 
  public get welcomeEmail() {
    return this.getBooleanAttribute('welcome_email');
  }
  public set welcomeEmail(value: boolean | cdktf.IResolvable) {
    this._welcomeEmail = value;
  }
  public resetWelcomeEmail() {
    this._welcomeEmail = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get welcomeEmailInput() {
    return this._welcomeEmail;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      allow: cdktf.listMapper(cdktf.stringToTerraform, false)(this._allow),
      answering_rules: cdktf.listMapper(userAnsweringRulesToTerraform, false)(this._answeringRules.internalValue),
      answering_rules_managed: cdktf.stringToTerraform(this._answeringRulesManaged),
      block: cdktf.listMapper(cdktf.stringToTerraform, false)(this._block),
      caller_id_name: cdktf.stringToTerraform(this._callerIdName),
      caller_id_number: cdktf.stringToTerraform(this._callerIdNumber),
      department: cdktf.stringToTerraform(this._department),
      domain: cdktf.stringToTerraform(this._domain),
      email: cdktf.stringToTerraform(this._email),
      emergency_address: cdktf.stringToTerraform(this._emergencyAddress),
      emergency_caller_id: cdktf.stringToTerraform(this._emergencyCallerId),
      extension: cdktf.stringToTerraform(this._extension),
      first_name: cdktf.stringToTerraform(this._firstName),
      last_name: cdktf.stringToTerraform(this._lastName),
      phone: userPhoneToTerraform(this._phone.internalValue),
      phones: cdktf.listMapper(userPhonesToTerraform, false)(this._phones.internalValue),
      recycle: cdktf.stringToTerraform(this._recycle),
      ring_timeout: cdktf.numberToTerraform(this._ringTimeout),
      scope: cdktf.stringToTerraform(this._scope),
      site: cdktf.stringToTerraform(this._site),
      spam: cdktf.stringToTerraform(this._spam),
      time_frames: cdktf.listMapper(userTimeFramesToTerraform, false)(this._timeFrames.internalValue),
      time_zone: cdktf.stringToTerraform(this._timeZone),
      voicemail: userVoicemailToTerraform(this._voicemail.internalValue),
      welcome_email: cdktf.booleanToTerraform(this._welcomeEmail),
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
      answering_rules: {
        value: cdktf.listMapperHcl(userAnsweringRulesToHclTerraform, false)(this._answeringRules.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "UserAnsweringRulesList",
      },
      answering_rules_managed: {
        value: cdktf.stringToHclTerraform(this._answeringRulesManaged),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      block: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._block),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      caller_id_name: {
        value: cdktf.stringToHclTerraform(this._callerIdName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      caller_id_number: {
        value: cdktf.stringToHclTerraform(this._callerIdNumber),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
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
      email: {
        value: cdktf.stringToHclTerraform(this._email),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      emergency_address: {
        value: cdktf.stringToHclTerraform(this._emergencyAddress),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      emergency_caller_id: {
        value: cdktf.stringToHclTerraform(this._emergencyCallerId),
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
      first_name: {
        value: cdktf.stringToHclTerraform(this._firstName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      last_name: {
        value: cdktf.stringToHclTerraform(this._lastName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      phone: {
        value: userPhoneToHclTerraform(this._phone.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "UserPhone",
      },
      phones: {
        value: cdktf.listMapperHcl(userPhonesToHclTerraform, false)(this._phones.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "UserPhonesList",
      },
      recycle: {
        value: cdktf.stringToHclTerraform(this._recycle),
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
      scope: {
        value: cdktf.stringToHclTerraform(this._scope),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
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
      time_frames: {
        value: cdktf.listMapperHcl(userTimeFramesToHclTerraform, false)(this._timeFrames.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "UserTimeFramesList",
      },
      time_zone: {
        value: cdktf.stringToHclTerraform(this._timeZone),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      voicemail: {
        value: userVoicemailToHclTerraform(this._voicemail.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "UserVoicemail",
      },
      welcome_email: {
        value: cdktf.booleanToHclTerraform(this._welcomeEmail),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
