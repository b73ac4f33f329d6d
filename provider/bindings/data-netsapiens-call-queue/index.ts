// https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/data-sources/call_queue
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataNetsapiensCallQueueConfig extends cdktf.TerraformMetaArguments {
  /**
  * The NetSapiens domain.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/data-sources/call_queue#domain DataNetsapiensCallQueue#domain}
  */
  readonly domain: string;
  /**
  * Extension of the queue (its user record and `callqueue` id). Changing it replaces the queue.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/data-sources/call_queue#extension DataNetsapiensCallQueue#extension}
  */
  readonly extension: string;
}
export interface DataNetsapiensCallQueueOverflow {
}

export function dataNetsapiensCallQueueOverflowToTerraform(struct?: DataNetsapiensCallQueueOverflow): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dataNetsapiensCallQueueOverflowToHclTerraform(struct?: DataNetsapiensCallQueueOverflow): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DataNetsapiensCallQueueOverflowOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataNetsapiensCallQueueOverflow | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataNetsapiensCallQueueOverflow | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // auto_attendant - computed: true, optional: false, required: false
  public get autoAttendant() {
    return this.getStringAttribute('auto_attendant');
  }

  // call_queue - computed: true, optional: false, required: false
  public get callQueue() {
    return this.getStringAttribute('call_queue');
  }

  // ring_group - computed: true, optional: false, required: false
  public get ringGroup() {
    return this.getStringAttribute('ring_group');
  }

  // user - computed: true, optional: false, required: false
  public get user() {
    return this.getStringAttribute('user');
  }

  // voicemail - computed: true, optional: false, required: false
  public get voicemail() {
    return this.getStringAttribute('voicemail');
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/data-sources/call_queue netsapiens_call_queue}
*/
export class DataNetsapiensCallQueue extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "netsapiens_call_queue";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataNetsapiensCallQueue resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataNetsapiensCallQueue to import
  * @param importFromId The id of the existing DataNetsapiensCallQueue that should be imported. Refer to the {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/data-sources/call_queue#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataNetsapiensCallQueue to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "netsapiens_call_queue", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/data-sources/call_queue netsapiens_call_queue} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataNetsapiensCallQueueConfig
  */
  public constructor(scope: Construct, id: string, config: DataNetsapiensCallQueueConfig) {
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
    this._domain = config.domain;
    this._extension = config.extension;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // agent_timeout - computed: true, optional: false, required: false
  public get agentTimeout() {
    return this.getNumberAttribute('agent_timeout');
  }

  // agents - computed: true, optional: false, required: false
  public get agents() {
    return this.getListAttribute('agents');
  }

  // dispatch - computed: true, optional: false, required: false
  public get dispatch() {
    return this.getStringAttribute('dispatch');
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

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // overflow - computed: true, optional: false, required: false
  private _overflow = new DataNetsapiensCallQueueOverflowOutputReference(this, "overflow");
  public get overflow() {
    return this._overflow;
  }

  // overflow_after - computed: true, optional: false, required: false
  public get overflowAfter() {
    return this.getNumberAttribute('overflow_after');
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      domain: cdktf.stringToTerraform(this._domain),
      extension: cdktf.stringToTerraform(this._extension),
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
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
