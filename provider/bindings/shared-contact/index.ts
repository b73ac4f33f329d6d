// https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface SharedContactConfig extends cdktf.TerraformMetaArguments {
  /**
  * Company (part of the identity).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact#company SharedContact#company}
  */
  readonly company?: string;
  /**
  * The NetSapiens domain, e.g. acme.example.com.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact#domain SharedContact#domain}
  */
  readonly domain: string;
  /**
  * E-mail address.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact#email SharedContact#email}
  */
  readonly email?: string;
  /**
  * First name (part of the identity).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact#first_name SharedContact#first_name}
  */
  readonly firstName: string;
  /**
  * Last name (part of the identity).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact#last_name SharedContact#last_name}
  */
  readonly lastName?: string;
  /**
  * Phone numbers by type; omitted types are left as they are.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact#phones SharedContact#phones}
  */
  readonly phones?: SharedContactPhones;
  /**
  * Tags (compared as a set).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact#tags SharedContact#tags}
  */
  readonly tags?: string[];
}
export interface SharedContactPhones {
  /**
  * Cell number.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact#cell SharedContact#cell}
  */
  readonly cell?: string;
  /**
  * Fax number.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact#fax SharedContact#fax}
  */
  readonly fax?: string;
  /**
  * Home number.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact#home SharedContact#home}
  */
  readonly home?: string;
  /**
  * Work number.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact#work SharedContact#work}
  */
  readonly work?: string;
}

export function sharedContactPhonesToTerraform(struct?: SharedContactPhones | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    cell: cdktf.stringToTerraform(struct!.cell),
    fax: cdktf.stringToTerraform(struct!.fax),
    home: cdktf.stringToTerraform(struct!.home),
    work: cdktf.stringToTerraform(struct!.work),
  }
}


export function sharedContactPhonesToHclTerraform(struct?: SharedContactPhones | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    cell: {
      value: cdktf.stringToHclTerraform(struct!.cell),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    fax: {
      value: cdktf.stringToHclTerraform(struct!.fax),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    home: {
      value: cdktf.stringToHclTerraform(struct!.home),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    work: {
      value: cdktf.stringToHclTerraform(struct!.work),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class SharedContactPhonesOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): SharedContactPhones | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._cell !== undefined) {
      hasAnyValues = true;
      internalValueResult.cell = this._cell;
    }
    if (this._fax !== undefined) {
      hasAnyValues = true;
      internalValueResult.fax = this._fax;
    }
    if (this._home !== undefined) {
      hasAnyValues = true;
      internalValueResult.home = this._home;
    }
    if (this._work !== undefined) {
      hasAnyValues = true;
      internalValueResult.work = this._work;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: SharedContactPhones | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._cell = undefined;
      this._fax = undefined;
      this._home = undefined;
      this._work = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._cell = value.cell;
      this._fax = value.fax;
      this._home = value.home;
      this._work = value.work;
    }
  }

  // cell - computed: true, optional: true, required: false
  private _cell?: string; 
  public get cell() {
    return this.getStringAttribute('cell');
  }
  public set cell(value: string) {
    this._cell = value;
  }
  public resetCell() {
    this._cell = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cellInput() {
    return this._cell;
  }

  // fax - computed: true, optional: true, required: false
  private _fax?: string; 
  public get fax() {
    return this.getStringAttribute('fax');
  }
  public set fax(value: string) {
    this._fax = value;
  }
  public resetFax() {
    this._fax = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get faxInput() {
    return this._fax;
  }

  // home - computed: true, optional: true, required: false
  private _home?: string; 
  public get home() {
    return this.getStringAttribute('home');
  }
  public set home(value: string) {
    this._home = value;
  }
  public resetHome() {
    this._home = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get homeInput() {
    return this._home;
  }

  // work - computed: true, optional: true, required: false
  private _work?: string; 
  public get work() {
    return this.getStringAttribute('work');
  }
  public set work(value: string) {
    this._work = value;
  }
  public resetWork() {
    this._work = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get workInput() {
    return this._work;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact netsapiens_shared_contact}
*/
export class SharedContact extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "netsapiens_shared_contact";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a SharedContact resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the SharedContact to import
  * @param importFromId The id of the existing SharedContact that should be imported. Refer to the {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the SharedContact to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "netsapiens_shared_contact", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/shared_contact netsapiens_shared_contact} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options SharedContactConfig
  */
  public constructor(scope: Construct, id: string, config: SharedContactConfig) {
    super(scope, id, {
      terraformResourceType: 'netsapiens_shared_contact',
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
    this._company = config.company;
    this._domain = config.domain;
    this._email = config.email;
    this._firstName = config.firstName;
    this._lastName = config.lastName;
    this._phones.internalValue = config.phones;
    this._tags = config.tags;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // company - computed: true, optional: true, required: false
  private _company?: string; 
  public get company() {
    return this.getStringAttribute('company');
  }
  public set company(value: string) {
    this._company = value;
  }
  public resetCompany() {
    this._company = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get companyInput() {
    return this._company;
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

  // last_name - computed: true, optional: true, required: false
  private _lastName?: string; 
  public get lastName() {
    return this.getStringAttribute('last_name');
  }
  public set lastName(value: string) {
    this._lastName = value;
  }
  public resetLastName() {
    this._lastName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get lastNameInput() {
    return this._lastName;
  }

  // phones - computed: true, optional: true, required: false
  private _phones = new SharedContactPhonesOutputReference(this, "phones");
  public get phones() {
    return this._phones;
  }
  public putPhones(value: SharedContactPhones) {
    this._phones.internalValue = value;
  }
  public resetPhones() {
    this._phones.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get phonesInput() {
    return this._phones.internalValue;
  }

  // tags - computed: true, optional: true, required: false
  private _tags?: string[]; 
  public get tags() {
    return cdktf.Fn.tolist(this.getListAttribute('tags'));
  }
  public set tags(value: string[]) {
    this._tags = value;
  }
  public resetTags() {
    this._tags = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tagsInput() {
    return this._tags;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      company: cdktf.stringToTerraform(this._company),
      domain: cdktf.stringToTerraform(this._domain),
      email: cdktf.stringToTerraform(this._email),
      first_name: cdktf.stringToTerraform(this._firstName),
      last_name: cdktf.stringToTerraform(this._lastName),
      phones: sharedContactPhonesToTerraform(this._phones.internalValue),
      tags: cdktf.listMapper(cdktf.stringToTerraform, false)(this._tags),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      company: {
        value: cdktf.stringToHclTerraform(this._company),
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
      phones: {
        value: sharedContactPhonesToHclTerraform(this._phones.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "SharedContactPhones",
      },
      tags: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._tags),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
