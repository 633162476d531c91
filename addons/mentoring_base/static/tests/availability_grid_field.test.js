import { defineMailModels } from "@mail/../tests/mail_test_helpers";
import { expect, test } from "@odoo/hoot";
import { click, queryAll, queryAllTexts } from "@odoo/hoot-dom";
import { animationFrame } from "@odoo/hoot-mock";
import { defineModels, fields, models, mountView, onRpc } from "@web/../tests/web_test_helpers";

// Bit ``day * 4 + part`` of a time slot (Monday = 0, morning = 0).
const TUESDAY_EVENING = 1 << 7;
const SATURDAY_MORNING = 1 << 20;

class Person extends models.Model {
    _name = "person";

    availability_slots = fields.Integer({ string: "Weekly availability" });

    _records = [{ id: 1, availability_slots: SATURDAY_MORNING }];
}

defineMailModels();
defineModels([Person]);

const GRID = ".o_field_mentoring_availability_grid";

function cell(day, part) {
    return `${GRID} input[data-day='${day}'][data-part='${part}']`;
}

test("a row per day, a column per part of the day, the mask's slots ticked", async () => {
    await mountView({
        resModel: "person",
        resId: 1,
        type: "form",
        arch: `<form><field name="availability_slots" widget="mentoring_availability_grid"/></form>`,
    });
    expect(queryAllTexts(`${GRID} thead th[scope=col]`)).toEqual([
        "Morning",
        "Midday",
        "Afternoon",
        "Evening",
    ]);
    expect(queryAllTexts(`${GRID} tbody th[scope=row]`)).toEqual([
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]);
    expect(`${GRID} input[type=checkbox]`).toHaveCount(28);
    expect(`${GRID} input:checked`).toHaveCount(1);
    expect(cell(5, 0)).toBeChecked();
    expect(cell(5, 0)).toHaveAttribute("aria-label", "Saturday morning");
    expect(queryAll(`${GRID} input:enabled`)).toHaveLength(28);
});

test("ticking and unticking a slot updates the mask", async () => {
    onRpc("web_save", ({ args }) => {
        expect.step(args[1].availability_slots);
    });
    await mountView({
        resModel: "person",
        resId: 1,
        type: "form",
        arch: `<form><field name="availability_slots" widget="mentoring_availability_grid"/></form>`,
    });
    await click(cell(1, 3));
    await animationFrame();
    expect(cell(1, 3)).toBeChecked();
    await click(".o_form_button_save");
    await animationFrame();
    expect.verifySteps([SATURDAY_MORNING | TUESDAY_EVENING]);
    await click(cell(5, 0));
    await animationFrame();
    expect(cell(5, 0)).not.toBeChecked();
    await click(".o_form_button_save");
    await animationFrame();
    expect.verifySteps([TUESDAY_EVENING]);
});

test("read-only: the same grid, disabled", async () => {
    await mountView({
        resModel: "person",
        resId: 1,
        type: "form",
        arch: `<form><field name="availability_slots" widget="mentoring_availability_grid" readonly="1"/></form>`,
    });
    expect(`${GRID} input[type=checkbox]`).toHaveCount(28);
    expect(`${GRID} input:disabled`).toHaveCount(28);
    expect(cell(5, 0)).toBeChecked();
    await click(cell(1, 3));
    await animationFrame();
    expect(cell(1, 3)).not.toBeChecked();
});
