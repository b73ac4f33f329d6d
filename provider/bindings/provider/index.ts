// https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface NetsapiensProviderConfig {
  /**
  * API key (nsd_…). Defaults to the NS_API_KEY environment variable. Never logged.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#api_key NetsapiensProvider#api_key}
  */
  readonly apiKey?: string;
  /**
  * Base URL of the NetSapiens API (or the pbxctl emulator). Defaults to the NS_API_URL environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#api_url NetsapiensProvider#api_url}
  */
  readonly apiUrl?: string;
  /**
  * Protected extensions (as `policy.protect` in YAML): the provider refuses to destroy or replace the user or ring group at any of them, with an error that names it.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#protect NetsapiensProvider#protect}
  */
  readonly protect?: string[];
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#alias NetsapiensProvider#alias}
  */
  readonly alias?: string;
  /**
  * platform block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#platform NetsapiensProvider#platform}
  */
  readonly platform?: NetsapiensProviderPlatform;
}
export interface NetsapiensProviderPlatformWelcomeEmail {
  /**
  * Subject (default `New Account Setup`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#subject NetsapiensProvider#subject}
  */
  readonly subject?: string;
  /**
  * Template (default `welcome_email.php`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#template NetsapiensProvider#template}
  */
  readonly template?: string;
}

export function netsapiensProviderPlatformWelcomeEmailToTerraform(struct?: NetsapiensProviderPlatformWelcomeEmail | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    subject: cdktf.stringToTerraform(struct!.subject),
    template: cdktf.stringToTerraform(struct!.template),
  }
}


export function netsapiensProviderPlatformWelcomeEmailToHclTerraform(struct?: NetsapiensProviderPlatformWelcomeEmail | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    subject: {
      value: cdktf.stringToHclTerraform(struct!.subject),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    template: {
      value: cdktf.stringToHclTerraform(struct!.template),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export interface NetsapiensProviderPlatform {
  /**
  * `user-scope` of ring groups the provider creates (default `No Portal`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#ring_group_scope NetsapiensProvider#ring_group_scope}
  */
  readonly ringGroupScope?: string;
  /**
  * `service-code` of ring groups the provider creates (default `system-ringgroup`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#ring_group_service_code NetsapiensProvider#ring_group_service_code}
  */
  readonly ringGroupServiceCode?: string;
  /**
  * The `forward-on-spam-call` value of the portal's "Drop Call" (unknown by default: needed for `spam = "drop"`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#spam_drop NetsapiensProvider#spam_drop}
  */
  readonly spamDrop?: string;
  /**
  * The `forward-on-spam-call` value of the portal's "Screen Call" (unknown by default: needed for `spam = "screen"`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#spam_screen NetsapiensProvider#spam_screen}
  */
  readonly spamScreen?: string;
  /**
  * Template and subject of the welcome e-mail sent to created users.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#welcome_email NetsapiensProvider#welcome_email}
  */
  readonly welcomeEmail?: NetsapiensProviderPlatformWelcomeEmail;
}

export function netsapiensProviderPlatformToTerraform(struct?: NetsapiensProviderPlatform | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    ring_group_scope: cdktf.stringToTerraform(struct!.ringGroupScope),
    ring_group_service_code: cdktf.stringToTerraform(struct!.ringGroupServiceCode),
    spam_drop: cdktf.stringToTerraform(struct!.spamDrop),
    spam_screen: cdktf.stringToTerraform(struct!.spamScreen),
    welcome_email: netsapiensProviderPlatformWelcomeEmailToTerraform(struct!.welcomeEmail),
  }
}


export function netsapiensProviderPlatformToHclTerraform(struct?: NetsapiensProviderPlatform | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    ring_group_scope: {
      value: cdktf.stringToHclTerraform(struct!.ringGroupScope),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ring_group_service_code: {
      value: cdktf.stringToHclTerraform(struct!.ringGroupServiceCode),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    spam_drop: {
      value: cdktf.stringToHclTerraform(struct!.spamDrop),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    spam_screen: {
      value: cdktf.stringToHclTerraform(struct!.spamScreen),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    welcome_email: {
      value: netsapiensProviderPlatformWelcomeEmailToHclTerraform(struct!.welcomeEmail),
      isBlock: true,
      type: "struct",
      storageClassType: "NetsapiensProviderPlatformWelcomeEmail",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}


/**
* Represents a {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs netsapiens}
*/
export class NetsapiensProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "netsapiens";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a NetsapiensProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the NetsapiensProvider to import
  * @param importFromId The id of the existing NetsapiensProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the NetsapiensProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "netsapiens", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs netsapiens} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options NetsapiensProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: NetsapiensProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'netsapiens',
      terraformGeneratorMetadata: {
        providerName: 'netsapiens',
        providerVersionConstraint: '~> 0.1'
      },
      terraformProviderSource: 'pbxctl/netsapiens'
    });
    this._apiKey = config.apiKey;
    this._apiUrl = config.apiUrl;
    this._protect = config.protect;
    this._alias = config.alias;
    this._platform = config.platform;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // api_key - computed: false, optional: true, required: false
  private _apiKey?: string; 
  public get apiKey() {
    return this._apiKey;
  }
  public set apiKey(value: string | undefined) {
    this._apiKey = value;
  }
  public resetApiKey() {
    this._apiKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get apiKeyInput() {
    return this._apiKey;
  }

  // api_url - computed: false, optional: true, required: false
  private _apiUrl?: string; 
  public get apiUrl() {
    return this._apiUrl;
  }
  public set apiUrl(value: string | undefined) {
    this._apiUrl = value;
  }
  public resetApiUrl() {
    this._apiUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get apiUrlInput() {
    return this._apiUrl;
  }

  // protect - computed: false, optional: true, required: false
  private _protect?: string[]; 
  public get protect() {
    return this._protect;
  }
  public set protect(value: string[] | undefined) {
    this._protect = value;
  }
  public resetProtect() {
    this._protect = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get protectInput() {
    return this._protect;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public override get alias() {
    return this._alias;
  }
  public override set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // platform - computed: false, optional: true, required: false
  private _platform?: NetsapiensProviderPlatform; 
  public get platform() {
    return this._platform;
  }
  public set platform(value: NetsapiensProviderPlatform | undefined) {
    this._platform = value;
  }
  public resetPlatform() {
    this._platform = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get platformInput() {
    return this._platform;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      api_key: cdktf.stringToTerraform(this._apiKey),
      api_url: cdktf.stringToTerraform(this._apiUrl),
      protect: cdktf.listMapper(cdktf.stringToTerraform, false)(this._protect),
      alias: cdktf.stringToTerraform(this._alias),
      platform: netsapiensProviderPlatformToTerraform(this._platform),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      api_key: {
        value: cdktf.stringToHclTerraform(this._apiKey),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      api_url: {
        value: cdktf.stringToHclTerraform(this._apiUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      protect: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._protect),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      platform: {
        value: netsapiensProviderPlatformToHclTerraform(this._platform),
        isBlock: true,
        type: "struct",
        storageClassType: "NetsapiensProviderPlatform",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
