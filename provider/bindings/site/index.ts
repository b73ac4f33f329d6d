// https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/site
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface SiteConfig extends cdktf.TerraformMetaArguments {
  /**
  * Area code for 7-digit dialling from the site.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/site#area_code Site#area_code}
  */
  readonly areaCode?: number;
  /**
  * Outbound caller ID name of the site.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/site#caller_id_name Site#caller_id_name}
  */
  readonly callerIdName?: string;
  /**
  * Outbound caller ID number of the site.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/site#caller_id_number Site#caller_id_number}
  */
  readonly callerIdNumber?: string;
  /**
  * The NetSapiens domain, e.g. acme.example.com.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/site#domain Site#domain}
  */
  readonly domain: string;
  /**
  * Name of the site's emergency address (an `emergency_addresses` entry, or one on the platform).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/site#emergency_address Site#emergency_address}
  */
  readonly emergencyAddress?: string;
  /**
  * Emergency (E911) caller ID number of the site.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/site#emergency_caller_id Site#emergency_caller_id}
  */
  readonly emergencyCallerId?: string;
  /**
  * Name of the site; users refer to it by this name. Another name is another site.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/site#name Site#name}
  */
  readonly name: string;
  /**
  * Time zone of the site, e.g. America/New_York (users created here inherit it).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/site#time_zone Site#time_zone}
  */
  readonly timeZone?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/site netsapiens_site}
*/
export class Site extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "netsapiens_site";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Site resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Site to import
  * @param importFromId The id of the existing Site that should be imported. Refer to the {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/site#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Site to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "netsapiens_site", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/site netsapiens_site} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options SiteConfig
  */
  public constructor(scope: Construct, id: string, config: SiteConfig) {
    super(scope, id, {
      terraformResourceType: 'netsapiens_site',
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
    this._areaCode = config.areaCode;
    this._callerIdName = config.callerIdName;
    this._callerIdNumber = config.callerIdNumber;
    this._domain = config.domain;
    this._emergencyAddress = config.emergencyAddress;
    this._emergencyCallerId = config.emergencyCallerId;
    this._name = config.name;
    this._timeZone = config.timeZone;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // area_code - computed: true, optional: true, required: false
  private _areaCode?: number; 
  public get areaCode() {
    return this.getNumberAttribute('area_code');
  }
  public set areaCode(value: number) {
    this._areaCode = value;
  }
  public resetAreaCode() {
    this._areaCode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get areaCodeInput() {
    return this._areaCode;
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

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      area_code: cdktf.numberToTerraform(this._areaCode),
      caller_id_name: cdktf.stringToTerraform(this._callerIdName),
      caller_id_number: cdktf.stringToTerraform(this._callerIdNumber),
      domain: cdktf.stringToTerraform(this._domain),
      emergency_address: cdktf.stringToTerraform(this._emergencyAddress),
      emergency_caller_id: cdktf.stringToTerraform(this._emergencyCallerId),
      name: cdktf.stringToTerraform(this._name),
      time_zone: cdktf.stringToTerraform(this._timeZone),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      area_code: {
        value: cdktf.numberToHclTerraform(this._areaCode),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
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
      domain: {
        value: cdktf.stringToHclTerraform(this._domain),
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
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      time_zone: {
        value: cdktf.stringToHclTerraform(this._timeZone),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
