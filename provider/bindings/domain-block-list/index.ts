// https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/domain_block_list
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DomainBlockListConfig extends cdktf.TerraformMetaArguments {
  /**
  * The NetSapiens domain, e.g. acme.example.com.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/domain_block_list#domain DomainBlockList#domain}
  */
  readonly domain: string;
  /**
  * Numbers rejected for the whole domain (domain number filter); `anonymous` and `unknown` are allowed.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/domain_block_list#numbers DomainBlockList#numbers}
  */
  readonly numbers?: string[];
}

/**
* Represents a {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/domain_block_list netsapiens_domain_block_list}
*/
export class DomainBlockList extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "netsapiens_domain_block_list";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DomainBlockList resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DomainBlockList to import
  * @param importFromId The id of the existing DomainBlockList that should be imported. Refer to the {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/domain_block_list#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DomainBlockList to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "netsapiens_domain_block_list", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/domain_block_list netsapiens_domain_block_list} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DomainBlockListConfig
  */
  public constructor(scope: Construct, id: string, config: DomainBlockListConfig) {
    super(scope, id, {
      terraformResourceType: 'netsapiens_domain_block_list',
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
    this._numbers = config.numbers;
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

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // numbers - computed: true, optional: true, required: false
  private _numbers?: string[]; 
  public get numbers() {
    return cdktf.Fn.tolist(this.getListAttribute('numbers'));
  }
  public set numbers(value: string[]) {
    this._numbers = value;
  }
  public resetNumbers() {
    this._numbers = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get numbersInput() {
    return this._numbers;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      domain: cdktf.stringToTerraform(this._domain),
      numbers: cdktf.listMapper(cdktf.stringToTerraform, false)(this._numbers),
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
      numbers: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._numbers),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
