// https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface CallQueueConfig extends cdktf.TerraformMetaArguments {
  /**
  * Seconds one agent rings before the queue tries the next (`callqueue-agent-dispatch-timeout-seconds`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#agent_timeout CallQueue#agent_timeout}
  */
  readonly agentTimeout?: number;
  /**
  * Extensions of the users answering the queue, in dispatch order (linear dispatch rings them in this order).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#agents CallQueue#agents}
  */
  readonly agents?: string[];
  /**
  * How agents are rung: ring_all (all at once), round_robin, tiered_round_robin, linear_hunt (one by one, in order), linear_cascade (in order, adding agents).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#dispatch CallQueue#dispatch}
  */
  readonly dispatch?: string;
  /**
  * The NetSapiens domain, e.g. acme.example.com.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#domain CallQueue#domain}
  */
  readonly domain: string;
  /**
  * Extension of the queue (its user record and `callqueue` id). Changing it replaces the queue.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#extension CallQueue#extension}
  */
  readonly extension: string;
  /**
  * Name shown in the portal (the queue description).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#name CallQueue#name}
  */
  readonly name: string;
  /**
  * Where calls go when nobody answers in time — exactly one of: user, ring_group, auto_attendant, call_queue, voicemail (an extension).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#overflow CallQueue#overflow}
  */
  readonly overflow?: CallQueueOverflow;
  /**
  * Seconds a call waits in the queue before it overflows (the queue user's ring-no-answer timeout).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#overflow_after CallQueue#overflow_after}
  */
  readonly overflowAfter?: number;
}
export interface CallQueueOverflow {
  /**
  * This auto attendant.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#auto_attendant CallQueue#auto_attendant}
  */
  readonly autoAttendant?: string;
  /**
  * This call queue.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#call_queue CallQueue#call_queue}
  */
  readonly callQueue?: string;
  /**
  * Ring this ring group.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#ring_group CallQueue#ring_group}
  */
  readonly ringGroup?: string;
  /**
  * Ring this user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#user CallQueue#user}
  */
  readonly user?: string;
  /**
  * This user's voicemail box.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#voicemail CallQueue#voicemail}
  */
  readonly voicemail?: string;
}

export function callQueueOverflowToTerraform(struct?: CallQueueOverflow | cdktf.IResolvable): any {
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


export function callQueueOverflowToHclTerraform(struct?: CallQueueOverflow | cdktf.IResolvable): any {
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

export class CallQueueOverflowOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): CallQueueOverflow | cdktf.IResolvable | undefined {
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

  public set internalValue(value: CallQueueOverflow | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._autoAttendant = undefined;
      this._callQueue = undefined;
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

/**
* Represents a {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue netsapiens_call_queue}
*/
export class CallQueue extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "netsapiens_call_queue";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a CallQueue resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the CallQueue to import
  * @param importFromId The id of the existing CallQueue that should be imported. Refer to the {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the CallQueue to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "netsapiens_call_queue", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/call_queue netsapiens_call_queue} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options CallQueueConfig
  */
  public constructor(scope: Construct, id: string, config: CallQueueConfig) {
    super(scope, id, {
      terraformResourceType: 'netsapiens_call_queue',
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
    this._agentTimeout = config.agentTimeout;
    this._agents = config.agents;
    this._dispatch = config.dispatch;
    this._domain = config.domain;
    this._extension = config.extension;
    this._name = config.name;
    this._overflow.internalValue = config.overflow;
    this._overflowAfter = config.overflowAfter;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // agent_timeout - computed: true, optional: true, required: false
  private _agentTimeout?: number; 
  public get agentTimeout() {
    return this.getNumberAttribute('agent_timeout');
  }
  public set agentTimeout(value: number) {
    this._agentTimeout = value;
  }
  public resetAgentTimeout() {
    this._agentTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get agentTimeoutInput() {
    return this._agentTimeout;
  }

  // agents - computed: true, optional: true, required: false
  private _agents?: string[]; 
  public get agents() {
    return this.getListAttribute('agents');
  }
  public set agents(value: string[]) {
    this._agents = value;
  }
  public resetAgents() {
    this._agents = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get agentsInput() {
    return this._agents;
  }

  // dispatch - computed: true, optional: true, required: false
  private _dispatch?: string; 
  public get dispatch() {
    return this.getStringAttribute('dispatch');
  }
  public set dispatch(value: string) {
    this._dispatch = value;
  }
  public resetDispatch() {
    this._dispatch = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dispatchInput() {
    return this._dispatch;
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

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
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

  // overflow - computed: true, optional: true, required: false
  private _overflow = new CallQueueOverflowOutputReference(this, "overflow");
  public get overflow() {
    return this._overflow;
  }
  public putOverflow(value: CallQueueOverflow) {
    this._overflow.internalValue = value;
  }
  public resetOverflow() {
    this._overflow.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get overflowInput() {
    return this._overflow.internalValue;
  }

  // overflow_after - computed: true, optional: true, required: false
  private _overflowAfter?: number; 
  public get overflowAfter() {
    return this.getNumberAttribute('overflow_after');
  }
  public set overflowAfter(value: number) {
    this._overflowAfter = value;
  }
  public resetOverflowAfter() {
    this._overflowAfter = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get overflowAfterInput() {
    return this._overflowAfter;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      agent_timeout: cdktf.numberToTerraform(this._agentTimeout),
      agents: cdktf.listMapper(cdktf.stringToTerraform, false)(this._agents),
      dispatch: cdktf.stringToTerraform(this._dispatch),
      domain: cdktf.stringToTerraform(this._domain),
      extension: cdktf.stringToTerraform(this._extension),
      name: cdktf.stringToTerraform(this._name),
      overflow: callQueueOverflowToTerraform(this._overflow.internalValue),
      overflow_after: cdktf.numberToTerraform(this._overflowAfter),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      agent_timeout: {
        value: cdktf.numberToHclTerraform(this._agentTimeout),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      agents: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._agents),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      dispatch: {
        value: cdktf.stringToHclTerraform(this._dispatch),
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
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      overflow: {
        value: callQueueOverflowToHclTerraform(this._overflow.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "CallQueueOverflow",
      },
      overflow_after: {
        value: cdktf.numberToHclTerraform(this._overflowAfter),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
