# The small office of examples/small-office/acme.yaml, in HCL: the same attributes (snake_case, the
# same names as the YAML keys), the same values. After `terraform apply`, `pbxctl plan
# examples/small-office` reports zero changes, and the other way round.

# Where the office is: the emergency address (validated by the carrier on create) and the site. Users and
# the site name the address; references order the apply (the address first) and the destroy (it last).
resource "netsapiens_emergency_address" "hq" {
  domain      = var.domain
  name        = "HQ"
  caller_name = "Acme Corp"
  line1       = "12 Main St"
  line2       = "Suite 4"
  city        = "New York"
  state       = "NY"
  postal_code = "10001"
  location    = "4th floor, reception"
}

# The API has no site delete: `terraform destroy` forgets the site and leaves it on the platform.
resource "netsapiens_site" "hq" {
  domain              = var.domain
  name                = "HQ"
  time_zone           = "America/New_York"
  caller_id_name      = "Acme Corp"
  emergency_caller_id = "+1 212 555 0100"
  emergency_address   = netsapiens_emergency_address.hq.name
}

resource "netsapiens_user" "grace" {
  domain              = var.domain
  extension           = "1000"
  first_name          = "Grace"
  last_name           = "Hopper"
  email               = "grace@acme.example.com"
  department          = "Management"
  site                = netsapiens_site.hq.name
  scope               = "Office Manager"
  time_zone           = "America/New_York"
  caller_id_name      = "Acme Corp"
  caller_id_number    = "+1 212 555 0100"
  emergency_caller_id = "+1 212 555 0100"
  emergency_address   = netsapiens_emergency_address.hq.name
  ring_timeout        = 25
  voicemail = {
    enabled            = true
    pin                = var.vm_pin_1000
    pin_version        = "1" # change it to send a new PIN
    email_notification = "attach"
  }
  phone = { mac = "00:04:f2:aa:bb:01", model = "yealink-t54w" }
  spam  = "voicemail"
  block = ["+1 800 555 0199", "anonymous"]
}

resource "netsapiens_user" "ada" {
  domain              = var.domain
  extension           = "1001"
  first_name          = "Ada"
  last_name           = "Lovelace"
  email               = "ada@acme.example.com"
  department          = "Sales"
  site                = netsapiens_site.hq.name
  scope               = "Basic User"
  emergency_caller_id = "+1 212 555 0100"
  emergency_address   = netsapiens_emergency_address.hq.name
  voicemail = {
    enabled            = true
    pin                = var.vm_pin_1001
    pin_version        = "1"
    email_notification = "notify"
  }
  # Two devices: the desk phone (device 1001, provisioned by MAC, its 911 calls report HQ) and a
  # softphone (device 1001a).
  phones = [
    { mac = "00:04:f2:aa:bb:02", model = "yealink-t54w", emergency_address = netsapiens_emergency_address.hq.name },
    {},
  ]
  spam  = "voicemail"
  allow = ["+1 212 555 0142"]
  # Ada's own time frame (only her rules see it).
  time_frames = [
    { name = "School run", type = "days_of_week", days_of_week = { tuesday = "15:00-16:00", thursday = "15:00-16:00" } },
  ]
  # First match wins: on her school run straight to her voicemail; in business hours, calls Ada does not
  # answer go to Alan (after the ring timeout).
  answering_rules = [
    { time_frame = "School run", forward_always = "voicemail:1001" },
    { time_frame = netsapiens_time_frame.business_hours.name, forward_no_answer = netsapiens_user.alan.extension },
  ]
}

resource "netsapiens_user" "alan" {
  domain            = var.domain
  extension         = "1002"
  first_name        = "Alan"
  last_name         = "Turing"
  email             = "alan@acme.example.com"
  department        = "Sales"
  site              = netsapiens_site.hq.name
  scope             = "Basic User"
  emergency_address = netsapiens_emergency_address.hq.name
  voicemail         = { enabled = true }
  phone             = {}
  spam              = "ring" # as examples/small-office (drop/screen need the platform profile)
}

resource "netsapiens_user" "katherine" {
  domain        = var.domain
  extension     = "1003"
  first_name    = "Katherine"
  last_name     = "Johnson"
  email         = "katherine@acme.example.com"
  department    = "Support"
  site          = netsapiens_site.hq.name
  scope         = "Basic User"
  ring_timeout  = 20
  voicemail     = { enabled = false }
  spam          = "ring"
  welcome_email = true
}

resource "netsapiens_ring_group" "front_desk" {
  domain     = var.domain
  extension  = "2000"
  name       = "Front Desk"
  department = "Reception"
  site       = netsapiens_site.hq.name
  # References order the apply: members exist before the group that rings them.
  members = [
    { extension = netsapiens_user.ada.extension, delay_seconds = 10 },
    { extension = netsapiens_user.alan.extension },
    { extension = netsapiens_user.katherine.extension },
  ]
  ring_timeout = 30
  fallback     = { voicemail = netsapiens_user.grace.extension }
  spam         = "voicemail"
  block        = ["anonymous"]
  # First match wins: holidays to Grace's voicemail, business hours to the Main Menu (the auto attendant),
  # after hours to the Sales Line, otherwise (outside every time frame) the members.
  answering_rules = [
    { time_frame = netsapiens_time_frame.holidays.name, forward_always = "voicemail:${netsapiens_user.grace.extension}" },
    { time_frame = netsapiens_time_frame.business_hours.name, forward_always = netsapiens_auto_attendant.main_menu.extension },
    { time_frame = netsapiens_time_frame.after_hours.name, forward_always = netsapiens_ring_group.sales_line.extension },
  ]
}

resource "netsapiens_ring_group" "sales_line" {
  domain     = var.domain
  extension  = "2001"
  name       = "Sales Line"
  department = "Sales"
  members = [
    { extension = netsapiens_user.ada.extension },
    { extension = netsapiens_user.alan.extension },
  ]
  ring_timeout = 25
  fallback     = { group_voicemail = true }
}

resource "netsapiens_shared_contact" "plumber" {
  domain     = var.domain
  first_name = "Acme"
  last_name  = "Plumbing"
  company    = "Acme Plumbing LLC"
  email      = "service@acmeplumbing.example.com"
  phones     = { work = "+1 212 555 0111", cell = "+1 917 555 0112" }
  tags       = ["vendor", "facilities"]
}

resource "netsapiens_shared_contact" "security" {
  domain     = var.domain
  first_name = "Building"
  last_name  = "Security"
  company    = "Tower Management"
  phones     = { work = "+1 212 555 0180" }
  tags       = ["facilities"]
}

resource "netsapiens_domain_block_list" "this" {
  domain  = var.domain
  numbers = ["+1 900 555 0000", "+1 888 555 0123"]
}

resource "netsapiens_time_frame" "business_hours" {
  domain = var.domain
  name   = "Business hours"
  type   = "days_of_week"
  days_of_week = {
    monday    = "09:00-17:00"
    tuesday   = "09:00-17:00"
    wednesday = "09:00-17:00"
    thursday  = "09:00-17:00"
    friday    = "09:00-12:00, 13:00-16:00"
  }
}

resource "netsapiens_time_frame" "after_hours" {
  domain = var.domain
  name   = "After hours"
  type   = "days_of_week"
  days_of_week = {
    monday    = "00:00-08:59, 17:00-23:59"
    tuesday   = "00:00-08:59, 17:00-23:59"
    wednesday = "00:00-08:59, 17:00-23:59"
    thursday  = "00:00-08:59, 17:00-23:59"
    friday    = "00:00-08:59, 16:00-23:59"
    saturday  = "00:00-23:59"
    sunday    = "00:00-23:59"
  }
}

resource "netsapiens_time_frame" "holidays" {
  domain = var.domain
  name   = "Holidays"
  type   = "holidays"
  holidays = [
    { name = "Thanksgiving Day", date = "2026-11-26" },
    { name = "Christmas Day", date = "2026-12-25" },
  ]
}

resource "netsapiens_time_frame" "office_move" {
  domain = var.domain
  name   = "Office move"
  type   = "specific_dates"
  dates  = [{ start_date = "2027-03-01", end_date = "2027-03-02" }]
}

# A call queue: agents rung by a dispatch type; after overflow_after seconds the caller goes to the overflow.
resource "netsapiens_call_queue" "support" {
  domain         = var.domain
  extension      = "3100"
  name           = "Support"
  dispatch       = "ring_all"
  agents         = [netsapiens_user.alan.extension, netsapiens_user.katherine.extension]
  agent_timeout  = 20
  overflow_after = 120
  overflow       = { voicemail = netsapiens_user.grace.extension }
}

# The main menu in business hours. The greeting is referenced by name (audio upload is out of scope);
# no_input / invalid name a key of the menu: the platform sends those callers to that option.
resource "netsapiens_auto_attendant" "main_menu" {
  domain     = var.domain
  extension  = "3000"
  name       = "Main Menu"
  time_frame = netsapiens_time_frame.business_hours.name
  greeting   = "main-menu"
  options = [
    { digit = "1", destination = { ring_group = netsapiens_ring_group.sales_line.extension } },
    { digit = "2", destination = { call_queue = netsapiens_call_queue.support.extension } },
    { digit = "0", destination = { user = netsapiens_user.grace.extension } },
  ]
  no_input = "0"
  invalid  = "0"
}

# A number already in the domain inventory: pbxctl never buys one, so it is imported, then routed.
import {
  to = netsapiens_phone_number.main
  id = "${var.domain}/12125550100"
}

resource "netsapiens_phone_number" "main" {
  domain             = var.domain
  number             = "+12125550100"
  destination        = { ring_group = netsapiens_ring_group.front_desk.extension }
  caller_name_prefix = "Main: "
}

# The data source reads a user as `pbxctl export` would write it.
data "netsapiens_user" "owner" {
  domain    = var.domain
  extension = netsapiens_user.grace.extension
}

output "owner_department" {
  value = data.netsapiens_user.owner.department
}
