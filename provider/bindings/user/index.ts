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
export interface UserPhone {
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
      this._enabled = value.enabled;
      this._mac = value.mac;
      this._model = value.model;
    }
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
    this._ringTimeout = config.ringTimeout;
    this._scope = config.scope;
    this._site = config.site;
    this._spam = config.spam;
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
      ring_timeout: cdktf.numberToTerraform(this._ringTimeout),
      scope: cdktf.stringToTerraform(this._scope),
      site: cdktf.stringToTerraform(this._site),
      spam: cdktf.stringToTerraform(this._spam),
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
