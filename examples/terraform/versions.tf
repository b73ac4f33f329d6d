terraform {
  required_version = ">= 1.11" # write-only attributes (voicemail.pin)
  required_providers {
    netsapiens = {
      source  = "pbxctl/netsapiens"
      version = "~> 0.1"
    }
  }
}

# api_url / api_key, or NS_API_URL / NS_API_KEY in the environment (the emulator:
# `pbxctl emulator --port 8080` → NS_API_URL=http://127.0.0.1:8080/ns-api/v2).
provider "netsapiens" {
  # As `policy.protect` in examples/small-office: Terraform may not destroy or replace these extensions.
  protect = var.protect
}
