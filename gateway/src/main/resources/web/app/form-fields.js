// What every console form that sends to the API shares: the API's field errors beside the fields, its refusal
// above the form, the focus on the first wrong field, and a new Idempotency-Key once a request was refused.
import { html } from 'lit';

/** The API's messages for one field, with those of its list items (exportTerritories[1]) beside the list. */
export function fieldError(problem, field) {
    const errors = problem?.fieldErrors ?? {};
    return Object.entries(errors).filter(([name]) => name === field || name.startsWith(`${field}[`))
        .map(([, message]) => message).join('; ') || undefined;
}

/**
 * A labelled field of the form whose ids start with prefix: control(invalid, describedBy) renders the control
 * (id `${prefix}-${name}`), followed by its hint and the API's error, which the control is described by.
 */
export function formField(prefix, problem, name, label, control, hint = '') {
    const error = fieldError(problem, name);
    const describedBy = [hint ? `${prefix}-${name}-hint` : '', error ? `${prefix}-${name}-error` : ''].filter(Boolean).join(' ');
    return html`
        <div class="field ${error ? 'invalid' : ''}" data-field=${name}>
            <label for="${prefix}-${name}">${label}</label>
            ${control(error ? 'true' : 'false', describedBy)}
            ${hint ? html`<p class="hint" id="${prefix}-${name}-hint">${hint}</p>` : ''}
            ${error ? html`<p class="field-error" id="${prefix}-${name}-error">${error}</p>` : ''}
        </div>`;
}

/** A form's value as typed, trimmed; null when empty, so that the API names a missing field. */
export function formText(data, name) {
    const value = String(data.get(name) ?? '').trim();
    return value === '' ? null : value;
}

/**
 * Sends what a form asks for (request receives the form's Idempotency-Key, if it keeps one) and shows how it went:
 * `sending` while it waits, then no problem, or the API's refusal as `problem` with the focus on the first wrong
 * field. A refused creation gets a new key: the corrected one is another request (a network failure keeps it, so
 * that sending again cannot create twice). The API's answer, or undefined when refused.
 */
export async function sendForm(form, request) {
    form.sending = true;
    try {
        const answer = await request(form.idempotencyKey);
        form.problem = null;
        return answer;
    } catch (error) {
        form.problem = error;
        if (form.idempotencyKey !== undefined && error.status !== 0) {
            form.idempotencyKey = crypto.randomUUID();
        }
        await form.updateComplete;
        form.querySelector('[aria-invalid="true"]')?.focus();
        return undefined;
    } finally {
        form.sending = false;
    }
}
