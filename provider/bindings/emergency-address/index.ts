// https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface EmergencyAddressConfig extends cdktf.TerraformMetaArguments {
  /**
  * Name the emergency operator sees for calls from this address, e.g. the company name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address#caller_name EmergencyAddress#caller_name}
  */
  readonly callerName: string;
  /**
  * City.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address#city EmergencyAddress#city}
  */
  readonly city: string;
  /**
  * Country abbreviation: US (default) or CA.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address#country EmergencyAddress#country}
  */
  readonly country?: string;
  /**
  * The NetSapiens domain, e.g. acme.example.com.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address#domain EmergencyAddress#domain}
  */
  readonly domain: string;
  /**
  * Street address, e.g. "12 Main St".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address#line1 EmergencyAddress#line1}
  */
  readonly line1: string;
  /**
  * Second address line, e.g. "Suite 4".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address#line2 EmergencyAddress#line2}
  */
  readonly line2?: string;
  /**
  * Where in the building, for the responders, e.g. "2nd floor, east wing".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address#location EmergencyAddress#location}
  */
  readonly location?: string;
  /**
  * Name of the address (the platform's "address name"); users and sites refer to it by this name. Another name is another address.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address#name EmergencyAddress#name}
  */
  readonly name: string;
  /**
  * Postal code: a US ZIP (12345 or 12345-6789) or a Canadian code (A1A 1A1).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address#postal_code EmergencyAddress#postal_code}
  */
  readonly postalCode: string;
  /**
  * State or (Canadian) province abbreviation, e.g. NY.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address#state EmergencyAddress#state}
  */
  readonly state: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address netsapiens_emergency_address}
*/
export class EmergencyAddress extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "netsapiens_emergency_address";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a EmergencyAddress resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the EmergencyAddress to import
  * @param importFromId The id of the existing EmergencyAddress that should be imported. Refer to the {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the EmergencyAddress to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "netsapiens_emergency_address", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/emergency_address netsapiens_emergency_address} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options EmergencyAddressConfig
  */
  public constructor(scope: Construct, id: string, config: EmergencyAddressConfig) {
    super(scope, id, {
      terraformResourceType: 'netsapiens_emergency_address',
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
    this._callerName = config.callerName;
    this._city = config.city;
    this._country = config.country;
    this._domain = config.domain;
    this._line1 = config.line1;
    this._line2 = config.line2;
    this._location = config.location;
    this._name = config.name;
    this._postalCode = config.postalCode;
    this._state = config.state;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // caller_name - computed: false, optional: false, required: true
  private _callerName?: string; 
  public get callerName() {
    return this.getStringAttribute('caller_name');
  }
  public set callerName(value: string) {
    this._callerName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get callerNameInput() {
    return this._callerName;
  }

  // city - computed: false, optional: false, required: true
  private _city?: string; 
  public get city() {
    return this.getStringAttribute('city');
  }
  public set city(value: string) {
    this._city = value;
  }
  // Temporarily expose input value. Use with caution.
  public get cityInput() {
    return this._city;
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

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // line1 - computed: false, optional: false, required: true
  private _line1?: string; 
  public get line1() {
    return this.getStringAttribute('line1');
  }
  public set line1(value: string) {
    this._line1 = value;
  }
  // Temporarily expose input value. Use with caution.
  public get line1Input() {
    return this._line1;
  }

  // line2 - computed: true, optional: true, required: false
  private _line2?: string; 
  public get line2() {
    return this.getStringAttribute('line2');
  }
  public set line2(value: string) {
    this._line2 = value;
  }
  public resetLine2() {
    this._line2 = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get line2Input() {
    return this._line2;
  }

  // location - computed: true, optional: true, required: false
  private _location?: string; 
  public get location() {
    return this.getStringAttribute('location');
  }
  public set location(value: string) {
    this._location = value;
  }
  public resetLocation() {
    this._location = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get locationInput() {
    return this._location;
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

  // postal_code - computed: false, optional: false, required: true
  private _postalCode?: string; 
  public get postalCode() {
    return this.getStringAttribute('postal_code');
  }
  public set postalCode(value: string) {
    this._postalCode = value;
  }
  // Temporarily expose input value. Use with caution.
  public get postalCodeInput() {
    return this._postalCode;
  }

  // state - computed: false, optional: false, required: true
  private _state?: string; 
  public get state() {
    return this.getStringAttribute('state');
  }
  public set state(value: string) {
    this._state = value;
  }
  // Temporarily expose input value. Use with caution.
  public get stateInput() {
    return this._state;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      caller_name: cdktf.stringToTerraform(this._callerName),
      city: cdktf.stringToTerraform(this._city),
      country: cdktf.stringToTerraform(this._country),
      domain: cdktf.stringToTerraform(this._domain),
      line1: cdktf.stringToTerraform(this._line1),
      line2: cdktf.stringToTerraform(this._line2),
      location: cdktf.stringToTerraform(this._location),
      name: cdktf.stringToTerraform(this._name),
      postal_code: cdktf.stringToTerraform(this._postalCode),
      state: cdktf.stringToTerraform(this._state),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      caller_name: {
        value: cdktf.stringToHclTerraform(this._callerName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      city: {
        value: cdktf.stringToHclTerraform(this._city),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      country: {
        value: cdktf.stringToHclTerraform(this._country),
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
      line1: {
        value: cdktf.stringToHclTerraform(this._line1),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      line2: {
        value: cdktf.stringToHclTerraform(this._line2),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      location: {
        value: cdktf.stringToHclTerraform(this._location),
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
      postal_code: {
        value: cdktf.stringToHclTerraform(this._postalCode),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      state: {
        value: cdktf.stringToHclTerraform(this._state),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
