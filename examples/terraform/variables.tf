variable "protect" {
  description = "Extensions the provider refuses to destroy or replace (YAML: policy.protect)."
  type        = set(string)
  default     = ["1000"]
}

variable "domain" {
  description = "The NetSapiens domain."
  type        = string
  default     = "acme.example.com"
}

# Voicemail PINs: never in the files, the state or a saved plan. Set TF_VAR_vm_pin_1000 / TF_VAR_vm_pin_1001
# (in CI: from secrets), the same values pbxctl reads from VM_PIN_1000 / VM_PIN_1001 for examples/small-office.
# `ephemeral = true`: Terraform does not store the value in a saved plan (set it again for `apply plan.tfplan`);
# `voicemail.pin` is write-only, so it never reaches terraform.tfstate. To send a changed PIN, change
# `voicemail.pin_version` as well.
variable "vm_pin_1000" {
  description = "Voicemail PIN of extension 1000."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "vm_pin_1001" {
  description = "Voicemail PIN of extension 1001."
  type        = string
  sensitive   = true
  ephemeral   = true
}
