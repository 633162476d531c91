import { Component } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/** Parts of the day per day in the mask (mentoring_base/tools/availability.py). */
const PARTS_PER_DAY = 4;

/**
 * The weekly availability grid of an Integer field: one row per day (Monday to Sunday),
 * one column per part of the day (morning, midday, afternoon, evening), a checkbox per
 * time slot. The value is a bit mask, bit ``day * 4 + part`` (Monday = 0, morning = 0),
 * as ``mentoring_base.tools.availability`` reads and writes it.
 */
export class AvailabilityGridField extends Component {
    static template = "mentoring_base.AvailabilityGridField";
    static props = { ...standardFieldProps };

    setup() {
        this.days = [
            _t("Monday"),
            _t("Tuesday"),
            _t("Wednesday"),
            _t("Thursday"),
            _t("Friday"),
            _t("Saturday"),
            _t("Sunday"),
        ];
        this.parts = [_t("Morning"), _t("Midday"), _t("Afternoon"), _t("Evening")];
    }

    /** The mask of the record, 0 when nothing is ticked. */
    get value() {
        return this.props.record.data[this.props.name] || 0;
    }

    bit(day, part) {
        return 1 << (day * PARTS_PER_DAY + part);
    }

    isChecked(day, part) {
        return Boolean(this.value & this.bit(day, part));
    }

    /**
     * @param {number} day 0 (Monday) to 6
     * @param {number} part 0 (morning) to 3 (evening)
     */
    onToggle(day, part) {
        if (this.props.readonly) {
            return;
        }
        this.props.record.update({ [this.props.name]: this.value ^ this.bit(day, part) });
    }
}

export const availabilityGridField = {
    component: AvailabilityGridField,
    displayName: _t("Weekly availability grid"),
    supportedTypes: ["integer"],
    // An empty grid (0) is still a grid to tick: never shown as an empty field.
    isEmpty: () => false,
};

registry.category("fields").add("mentoring_availability_grid", availabilityGridField);
