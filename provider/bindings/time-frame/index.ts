// https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface TimeFrameConfig extends cdktf.TerraformMetaArguments {
  /**
  * Date ranges (type specific_dates), in the domain time zone.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#dates TimeFrame#dates}
  */
  readonly dates?: TimeFrameDates[] | cdktf.IResolvable;
  /**
  * Hours per day (type days_of_week), in the domain time zone; days left out are not in the time frame.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#days_of_week TimeFrame#days_of_week}
  */
  readonly daysOfWeek?: TimeFrameDaysOfWeek;
  /**
  * The NetSapiens domain, e.g. acme.example.com.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#domain TimeFrame#domain}
  */
  readonly domain: string;
  /**
  * Holidays (type holidays), whole days, observed on the day itself.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#holidays TimeFrame#holidays}
  */
  readonly holidays?: TimeFrameHolidays[] | cdktf.IResolvable;
  /**
  * Name of the time frame; answering rules refer to it by this name. Another name is another time frame.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#name TimeFrame#name}
  */
  readonly name: string;
  /**
  * always; days_of_week (with days_of_week); specific_dates (with dates); holidays (with holidays). Changing it converts the time frame.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#type TimeFrame#type}
  */
  readonly type: string;
}
export interface TimeFrameDates {
  /**
  * Last day, YYYY-MM-DD (default: start_date).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#end_date TimeFrame#end_date}
  */
  readonly endDate?: string;
  /**
  * End time on the last day, HH:MM (default 23:59).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#end_time TimeFrame#end_time}
  */
  readonly endTime?: string;
  /**
  * First day, YYYY-MM-DD.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#start_date TimeFrame#start_date}
  */
  readonly startDate: string;
  /**
  * Start time on the first day, HH:MM (default 00:00).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#start_time TimeFrame#start_time}
  */
  readonly startTime?: string;
  /**
  * Repeat every year on the same dates (default: no).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#yearly TimeFrame#yearly}
  */
  readonly yearly?: boolean | cdktf.IResolvable;
}

export function timeFrameDatesToTerraform(struct?: TimeFrameDates | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    end_date: cdktf.stringToTerraform(struct!.endDate),
    end_time: cdktf.stringToTerraform(struct!.endTime),
    start_date: cdktf.stringToTerraform(struct!.startDate),
    start_time: cdktf.stringToTerraform(struct!.startTime),
    yearly: cdktf.booleanToTerraform(struct!.yearly),
  }
}


export function timeFrameDatesToHclTerraform(struct?: TimeFrameDates | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    end_date: {
      value: cdktf.stringToHclTerraform(struct!.endDate),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    end_time: {
      value: cdktf.stringToHclTerraform(struct!.endTime),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    start_date: {
      value: cdktf.stringToHclTerraform(struct!.startDate),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    start_time: {
      value: cdktf.stringToHclTerraform(struct!.startTime),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    yearly: {
      value: cdktf.booleanToHclTerraform(struct!.yearly),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class TimeFrameDatesOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): TimeFrameDates | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._endDate !== undefined) {
      hasAnyValues = true;
      internalValueResult.endDate = this._endDate;
    }
    if (this._endTime !== undefined) {
      hasAnyValues = true;
      internalValueResult.endTime = this._endTime;
    }
    if (this._startDate !== undefined) {
      hasAnyValues = true;
      internalValueResult.startDate = this._startDate;
    }
    if (this._startTime !== undefined) {
      hasAnyValues = true;
      internalValueResult.startTime = this._startTime;
    }
    if (this._yearly !== undefined) {
      hasAnyValues = true;
      internalValueResult.yearly = this._yearly;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: TimeFrameDates | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._endDate = undefined;
      this._endTime = undefined;
      this._startDate = undefined;
      this._startTime = undefined;
      this._yearly = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._endDate = value.endDate;
      this._endTime = value.endTime;
      this._startDate = value.startDate;
      this._startTime = value.startTime;
      this._yearly = value.yearly;
    }
  }

  // end_date - computed: true, optional: true, required: false
  private _endDate?: string; 
  public get endDate() {
    return this.getStringAttribute('end_date');
  }
  public set endDate(value: string) {
    this._endDate = value;
  }
  public resetEndDate() {
    this._endDate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endDateInput() {
    return this._endDate;
  }

  // end_time - computed: true, optional: true, required: false
  private _endTime?: string; 
  public get endTime() {
    return this.getStringAttribute('end_time');
  }
  public set endTime(value: string) {
    this._endTime = value;
  }
  public resetEndTime() {
    this._endTime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endTimeInput() {
    return this._endTime;
  }

  // start_date - computed: true, optional: false, required: true
  private _startDate?: string; 
  public get startDate() {
    return this.getStringAttribute('start_date');
  }
  public set startDate(value: string) {
    this._startDate = value;
  }
  // Temporarily expose input value. Use with caution.
  public get startDateInput() {
    return this._startDate;
  }

  // start_time - computed: true, optional: true, required: false
  private _startTime?: string; 
  public get startTime() {
    return this.getStringAttribute('start_time');
  }
  public set startTime(value: string) {
    this._startTime = value;
  }
  public resetStartTime() {
    this._startTime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get startTimeInput() {
    return this._startTime;
  }

  // yearly - computed: true, optional: true, required: false
  private _yearly?: boolean | cdktf.IResolvable; 
  public get yearly() {
    return this.getBooleanAttribute('yearly');
  }
  public set yearly(value: boolean | cdktf.IResolvable) {
    this._yearly = value;
  }
  public resetYearly() {
    this._yearly = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get yearlyInput() {
    return this._yearly;
  }
}

export class TimeFrameDatesList extends cdktf.ComplexList {
  public internalValue? : TimeFrameDates[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected override terraformResource: cdktf.IInterpolatingParent, protected override terraformAttribute: string, protected override wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): TimeFrameDatesOutputReference {
    return new TimeFrameDatesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface TimeFrameDaysOfWeek {
  /**
  * Hours on Fridays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#friday TimeFrame#friday}
  */
  readonly friday?: string;
  /**
  * Hours on Mondays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#monday TimeFrame#monday}
  */
  readonly monday?: string;
  /**
  * Hours on Saturdays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#saturday TimeFrame#saturday}
  */
  readonly saturday?: string;
  /**
  * Hours on Sundays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#sunday TimeFrame#sunday}
  */
  readonly sunday?: string;
  /**
  * Hours on Thursdays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#thursday TimeFrame#thursday}
  */
  readonly thursday?: string;
  /**
  * Hours on Tuesdays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#tuesday TimeFrame#tuesday}
  */
  readonly tuesday?: string;
  /**
  * Hours on Wednesdays: "09:00-17:00", or two ranges "09:00-12:00, 13:00-17:00".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#wednesday TimeFrame#wednesday}
  */
  readonly wednesday?: string;
}

export function timeFrameDaysOfWeekToTerraform(struct?: TimeFrameDaysOfWeek | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    friday: cdktf.stringToTerraform(struct!.friday),
    monday: cdktf.stringToTerraform(struct!.monday),
    saturday: cdktf.stringToTerraform(struct!.saturday),
    sunday: cdktf.stringToTerraform(struct!.sunday),
    thursday: cdktf.stringToTerraform(struct!.thursday),
    tuesday: cdktf.stringToTerraform(struct!.tuesday),
    wednesday: cdktf.stringToTerraform(struct!.wednesday),
  }
}


export function timeFrameDaysOfWeekToHclTerraform(struct?: TimeFrameDaysOfWeek | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    friday: {
      value: cdktf.stringToHclTerraform(struct!.friday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    monday: {
      value: cdktf.stringToHclTerraform(struct!.monday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    saturday: {
      value: cdktf.stringToHclTerraform(struct!.saturday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    sunday: {
      value: cdktf.stringToHclTerraform(struct!.sunday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    thursday: {
      value: cdktf.stringToHclTerraform(struct!.thursday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    tuesday: {
      value: cdktf.stringToHclTerraform(struct!.tuesday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    wednesday: {
      value: cdktf.stringToHclTerraform(struct!.wednesday),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class TimeFrameDaysOfWeekOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): TimeFrameDaysOfWeek | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._friday !== undefined) {
      hasAnyValues = true;
      internalValueResult.friday = this._friday;
    }
    if (this._monday !== undefined) {
      hasAnyValues = true;
      internalValueResult.monday = this._monday;
    }
    if (this._saturday !== undefined) {
      hasAnyValues = true;
      internalValueResult.saturday = this._saturday;
    }
    if (this._sunday !== undefined) {
      hasAnyValues = true;
      internalValueResult.sunday = this._sunday;
    }
    if (this._thursday !== undefined) {
      hasAnyValues = true;
      internalValueResult.thursday = this._thursday;
    }
    if (this._tuesday !== undefined) {
      hasAnyValues = true;
      internalValueResult.tuesday = this._tuesday;
    }
    if (this._wednesday !== undefined) {
      hasAnyValues = true;
      internalValueResult.wednesday = this._wednesday;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: TimeFrameDaysOfWeek | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._friday = undefined;
      this._monday = undefined;
      this._saturday = undefined;
      this._sunday = undefined;
      this._thursday = undefined;
      this._tuesday = undefined;
      this._wednesday = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._friday = value.friday;
      this._monday = value.monday;
      this._saturday = value.saturday;
      this._sunday = value.sunday;
      this._thursday = value.thursday;
      this._tuesday = value.tuesday;
      this._wednesday = value.wednesday;
    }
  }

  // friday - computed: true, optional: true, required: false
  private _friday?: string; 
  public get friday() {
    return this.getStringAttribute('friday');
  }
  public set friday(value: string) {
    this._friday = value;
  }
  public resetFriday() {
    this._friday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fridayInput() {
    return this._friday;
  }

  // monday - computed: true, optional: true, required: false
  private _monday?: string; 
  public get monday() {
    return this.getStringAttribute('monday');
  }
  public set monday(value: string) {
    this._monday = value;
  }
  public resetMonday() {
    this._monday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get mondayInput() {
    return this._monday;
  }

  // saturday - computed: true, optional: true, required: false
  private _saturday?: string; 
  public get saturday() {
    return this.getStringAttribute('saturday');
  }
  public set saturday(value: string) {
    this._saturday = value;
  }
  public resetSaturday() {
    this._saturday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get saturdayInput() {
    return this._saturday;
  }

  // sunday - computed: true, optional: true, required: false
  private _sunday?: string; 
  public get sunday() {
    return this.getStringAttribute('sunday');
  }
  public set sunday(value: string) {
    this._sunday = value;
  }
  public resetSunday() {
    this._sunday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sundayInput() {
    return this._sunday;
  }

  // thursday - computed: true, optional: true, required: false
  private _thursday?: string; 
  public get thursday() {
    return this.getStringAttribute('thursday');
  }
  public set thursday(value: string) {
    this._thursday = value;
  }
  public resetThursday() {
    this._thursday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get thursdayInput() {
    return this._thursday;
  }

  // tuesday - computed: true, optional: true, required: false
  private _tuesday?: string; 
  public get tuesday() {
    return this.getStringAttribute('tuesday');
  }
  public set tuesday(value: string) {
    this._tuesday = value;
  }
  public resetTuesday() {
    this._tuesday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tuesdayInput() {
    return this._tuesday;
  }

  // wednesday - computed: true, optional: true, required: false
  private _wednesday?: string; 
  public get wednesday() {
    return this.getStringAttribute('wednesday');
  }
  public set wednesday(value: string) {
    this._wednesday = value;
  }
  public resetWednesday() {
    this._wednesday = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get wednesdayInput() {
    return this._wednesday;
  }
}
export interface TimeFrameHolidays {
  /**
  * Country code (default US).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#country TimeFrame#country}
  */
  readonly country?: string;
  /**
  * First occurrence, YYYY-MM-DD.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#date TimeFrame#date}
  */
  readonly date: string;
  /**
  * Holiday name, e.g. "Christmas Day".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#name TimeFrame#name}
  */
  readonly name: string;
  /**
  * Recur every year on the holiday (default: yes).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#yearly TimeFrame#yearly}
  */
  readonly yearly?: boolean | cdktf.IResolvable;
}

export function timeFrameHolidaysToTerraform(struct?: TimeFrameHolidays | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    country: cdktf.stringToTerraform(struct!.country),
    date: cdktf.stringToTerraform(struct!.date),
    name: cdktf.stringToTerraform(struct!.name),
    yearly: cdktf.booleanToTerraform(struct!.yearly),
  }
}


export function timeFrameHolidaysToHclTerraform(struct?: TimeFrameHolidays | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    country: {
      value: cdktf.stringToHclTerraform(struct!.country),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    date: {
      value: cdktf.stringToHclTerraform(struct!.date),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    yearly: {
      value: cdktf.booleanToHclTerraform(struct!.yearly),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class TimeFrameHolidaysOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): TimeFrameHolidays | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._country !== undefined) {
      hasAnyValues = true;
      internalValueResult.country = this._country;
    }
    if (this._date !== undefined) {
      hasAnyValues = true;
      internalValueResult.date = this._date;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._yearly !== undefined) {
      hasAnyValues = true;
      internalValueResult.yearly = this._yearly;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: TimeFrameHolidays | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._country = undefined;
      this._date = undefined;
      this._name = undefined;
      this._yearly = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._country = value.country;
      this._date = value.date;
      this._name = value.name;
      this._yearly = value.yearly;
    }
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

  // date - computed: true, optional: false, required: true
  private _date?: string; 
  public get date() {
    return this.getStringAttribute('date');
  }
  public set date(value: string) {
    this._date = value;
  }
  // Temporarily expose input value. Use with caution.
  public get dateInput() {
    return this._date;
  }

  // name - computed: true, optional: false, required: true
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

  // yearly - computed: true, optional: true, required: false
  private _yearly?: boolean | cdktf.IResolvable; 
  public get yearly() {
    return this.getBooleanAttribute('yearly');
  }
  public set yearly(value: boolean | cdktf.IResolvable) {
    this._yearly = value;
  }
  public resetYearly() {
    this._yearly = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get yearlyInput() {
    return this._yearly;
  }
}

export class TimeFrameHolidaysList extends cdktf.ComplexList {
  public internalValue? : TimeFrameHolidays[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected override terraformResource: cdktf.IInterpolatingParent, protected override terraformAttribute: string, protected override wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): TimeFrameHolidaysOutputReference {
    return new TimeFrameHolidaysOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame netsapiens_time_frame}
*/
export class TimeFrame extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "netsapiens_time_frame";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a TimeFrame resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the TimeFrame to import
  * @param importFromId The id of the existing TimeFrame that should be imported. Refer to the {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the TimeFrame to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "netsapiens_time_frame", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/pbxctl/netsapiens/latest/docs/resources/time_frame netsapiens_time_frame} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options TimeFrameConfig
  */
  public constructor(scope: Construct, id: string, config: TimeFrameConfig) {
    super(scope, id, {
      terraformResourceType: 'netsapiens_time_frame',
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
    this._dates.internalValue = config.dates;
    this._daysOfWeek.internalValue = config.daysOfWeek;
    this._domain = config.domain;
    this._holidays.internalValue = config.holidays;
    this._name = config.name;
    this._type = config.type;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // dates - computed: true, optional: true, required: false
  private _dates = new TimeFrameDatesList(this, "dates", false);
  public get dates() {
    return this._dates;
  }
  public putDates(value: TimeFrameDates[] | cdktf.IResolvable) {
    this._dates.internalValue = value;
  }
  public resetDates() {
    this._dates.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get datesInput() {
    return this._dates.internalValue;
  }

  // days_of_week - computed: true, optional: true, required: false
  private _daysOfWeek = new TimeFrameDaysOfWeekOutputReference(this, "days_of_week");
  public get daysOfWeek() {
    return this._daysOfWeek;
  }
  public putDaysOfWeek(value: TimeFrameDaysOfWeek) {
    this._daysOfWeek.internalValue = value;
  }
  public resetDaysOfWeek() {
    this._daysOfWeek.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get daysOfWeekInput() {
    return this._daysOfWeek.internalValue;
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

  // holidays - computed: true, optional: true, required: false
  private _holidays = new TimeFrameHolidaysList(this, "holidays", false);
  public get holidays() {
    return this._holidays;
  }
  public putHolidays(value: TimeFrameHolidays[] | cdktf.IResolvable) {
    this._holidays.internalValue = value;
  }
  public resetHolidays() {
    this._holidays.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get holidaysInput() {
    return this._holidays.internalValue;
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

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      dates: cdktf.listMapper(timeFrameDatesToTerraform, false)(this._dates.internalValue),
      days_of_week: timeFrameDaysOfWeekToTerraform(this._daysOfWeek.internalValue),
      domain: cdktf.stringToTerraform(this._domain),
      holidays: cdktf.listMapper(timeFrameHolidaysToTerraform, false)(this._holidays.internalValue),
      name: cdktf.stringToTerraform(this._name),
      type: cdktf.stringToTerraform(this._type),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      dates: {
        value: cdktf.listMapperHcl(timeFrameDatesToHclTerraform, false)(this._dates.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "TimeFrameDatesList",
      },
      days_of_week: {
        value: timeFrameDaysOfWeekToHclTerraform(this._daysOfWeek.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "TimeFrameDaysOfWeek",
      },
      domain: {
        value: cdktf.stringToHclTerraform(this._domain),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      holidays: {
        value: cdktf.listMapperHcl(timeFrameHolidaysToHclTerraform, false)(this._holidays.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "TimeFrameHolidaysList",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      type: {
        value: cdktf.stringToHclTerraform(this._type),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
