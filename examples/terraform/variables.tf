variable "domain" {
  description = "The NetSapiens domain."
  type        = string
  default     = "acme.example.com"
}

# Voicemail PINs: never in the files. Set TF_VAR_vm_pin_1000 / TF_VAR_vm_pin_1001 (in CI: from secrets),
# the same values pbxctl reads from VM_PIN_1000 / VM_PIN_1001 for examples/small-office.
variable "vm_pin_1000" {
  description = "Voicemail PIN of extension 1000."
  type        = string
  sensitive   = true
}

variable "vm_pin_1001" {
  description = "Voicemail PIN of extension 1001."
  type        = string
  sensitive   = true
}
