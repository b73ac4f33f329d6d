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
  * Answering rules in priority order, one per time frame (the first whose time frame is in effect applies). A listed rule is managed whole; rules not listed are left alone unless answering_rules_managed is all. The default rule ("*") is the group's members and fallback and cannot be listed; a rule that neither forwards always nor sets do-not-disturb rings the members.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#answering_rules RingGroup#answering_rules}
  */
  readonly answeringRules?: RingGroupAnsweringRules[] | cdktf.IResolvable;
  /**
  * listed (default): only the rules in answering_rules are managed; all: rules for other time frames are deleted.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#answering_rules_managed RingGroup#answering_rules_managed}
  */
  readonly answeringRulesManaged?: string;
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
export interface RingGroupAnsweringRulesSimultaneousRing {
  /**
  * Seconds before this one starts ringing (default 0).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#delay_seconds RingGroup#delay_seconds}
  */
  readonly delaySeconds?: number;
  /**
  * Ring: an extension ("1002"), voicemail:<extension> (that voicemail box), or an outside number starting with +.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#to RingGroup#to}
  */
  readonly to: string;
}

export function ringGroupAnsweringRulesSimultaneousRingToTerraform(struct?: RingGroupAnsweringRulesSimultaneousRing | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    delay_seconds: cdktf.numberToTerraform(struct!.delaySeconds),
    to: cdktf.stringToTerraform(struct!.to),
  }
}


export function ringGroupAnsweringRulesSimultaneousRingToHclTerraform(struct?: RingGroupAnsweringRulesSimultaneousRing | cdktf.IResolvable): any {
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

export class RingGroupAnsweringRulesSimultaneousRingOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): RingGroupAnsweringRulesSimultaneousRing | cdktf.IResolvable | undefined {
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

  public set internalValue(value: RingGroupAnsweringRulesSimultaneousRing | cdktf.IResolvable | undefined) {
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

export class RingGroupAnsweringRulesSimultaneousRingList extends cdktf.ComplexList {
  public internalValue? : RingGroupAnsweringRulesSimultaneousRing[] | cdktf.IResolvable

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
  public get(index: number): RingGroupAnsweringRulesSimultaneousRingOutputReference {
    return new RingGroupAnsweringRulesSimultaneousRingOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface RingGroupAnsweringRules {
  /**
  * Do not disturb: nothing rings.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#dnd RingGroup#dnd}
  */
  readonly dnd?: boolean | cdktf.IResolvable;
  /**
  * false keeps the rule but switches it off (default true).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#enabled RingGroup#enabled}
  */
  readonly enabled?: boolean | cdktf.IResolvable;
  /**
  * Forward every call: an extension ("1002"), voicemail:<extension> (that voicemail box), or an outside number starting with +.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#forward_always RingGroup#forward_always}
  */
  readonly forwardAlways?: string;
  /**
  * Forward when busy: an extension ("1002"), voicemail:<extension> (that voicemail box), or an outside number starting with +.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#forward_busy RingGroup#forward_busy}
  */
  readonly forwardBusy?: string;
  /**
  * Forward when unanswered after the ring timeout (ring_timeout): an extension ("1002"), voicemail:<extension> (that voicemail box), or an outside number starting with +.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#forward_no_answer RingGroup#forward_no_answer}
  */
  readonly forwardNoAnswer?: string;
  /**
  * Forward when no phone is registered: an extension ("1002"), voicemail:<extension> (that voicemail box), or an outside number starting with +.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#forward_unregistered RingGroup#forward_unregistered}
  */
  readonly forwardUnregistered?: string;
  /**
  * Call screening: callers record their name first.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#screen RingGroup#screen}
  */
  readonly screen?: boolean | cdktf.IResolvable;
  /**
  * Also ring these, optionally after a delay (the portal's "Ring Delay (sec)", `;delay=N`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#simultaneous_ring RingGroup#simultaneous_ring}
  */
  readonly simultaneousRing?: RingGroupAnsweringRulesSimultaneousRing[] | cdktf.IResolvable;
  /**
  * Name of a time frame (time_frames).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/ring_group#time_frame RingGroup#time_frame}
  */
  readonly timeFrame: string;
}

export function ringGroupAnsweringRulesToTerraform(struct?: RingGroupAnsweringRules | cdktf.IResolvable): any {
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
    simultaneous_ring: cdktf.listMapper(ringGroupAnsweringRulesSimultaneousRingToTerraform, false)(struct!.simultaneousRing),
    time_frame: cdktf.stringToTerraform(struct!.timeFrame),
  }
}


export function ringGroupAnsweringRulesToHclTerraform(struct?: RingGroupAnsweringRules | cdktf.IResolvable): any {
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
      value: cdktf.listMapperHcl(ringGroupAnsweringRulesSimultaneousRingToHclTerraform, false)(struct!.simultaneousRing),
      isBlock: true,
      type: "list",
      storageClassType: "RingGroupAnsweringRulesSimultaneousRingList",
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

export class RingGroupAnsweringRulesOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): RingGroupAnsweringRules | cdktf.IResolvable | undefined {
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

  public set internalValue(value: RingGroupAnsweringRules | cdktf.IResolvable | undefined) {
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
  private _simultaneousRing = new RingGroupAnsweringRulesSimultaneousRingList(this, "simultaneous_ring", false);
  public get simultaneousRing() {
    return this._simultaneousRing;
  }
  public putSimultaneousRing(value: RingGroupAnsweringRulesSimultaneousRing[] | cdktf.IResolvable) {
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

export class RingGroupAnsweringRulesList extends cdktf.ComplexList {
  public internalValue? : RingGroupAnsweringRules[] | cdktf.IResolvable

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
  public get(index: number): RingGroupAnsweringRulesOutputReference {
    return new RingGroupAnsweringRulesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
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
    this._answeringRules.internalValue = config.answeringRules;
    this._answeringRulesManaged = config.answeringRulesManaged;
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

  // answering_rules - computed: true, optional: true, required: false
  private _answeringRules = new RingGroupAnsweringRulesList(this, "answering_rules", false);
  public get answeringRules() {
    return this._answeringRules;
  }
  public putAnsweringRules(value: RingGroupAnsweringRules[] | cdktf.IResolvable) {
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
      answering_rules: cdktf.listMapper(ringGroupAnsweringRulesToTerraform, false)(this._answeringRules.internalValue),
      answering_rules_managed: cdktf.stringToTerraform(this._answeringRulesManaged),
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
      answering_rules: {
        value: cdktf.listMapperHcl(ringGroupAnsweringRulesToHclTerraform, false)(this._answeringRules.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "RingGroupAnsweringRulesList",
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
