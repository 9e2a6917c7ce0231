import { html } from 'lit';
import { ConsoleElement } from './base.js';
import { t } from './i18n.js';
import './widgets.js';

/**
 * A confirmation in a native modal <dialog>: it names the effect, asks for a reason where the action takes one,
 * and shows the API's refusal (its field error beside the reason). The focus moves into it when it opens and back
 * to the control that opened it when it closes; Escape closes it. The owner listens for bwu-confirm (detail: the
 * reason) and calls done() when the API has agreed or fail(error) when it has not.
 */
export class ConfirmDialog extends ConsoleElement {
    static properties = {
        heading: {}, effect: {}, confirmLabel: {},
        /** null: no reason asked; else the reason field's label */
        reasonLabel: {}, reasonRequired: { type: Boolean },
        busy: { state: true }, problem: { state: true },
    };

    constructor() {
        super();
        this.busy = false;
        this.problem = null;
        this.dialogId = `confirm-${ConfirmDialog.count = (ConfirmDialog.count ?? 0) + 1}`;
    }

    /** Opens it; the focus returns to opener (or to what had it) when it closes. */
    async open(opener = document.activeElement) {
        this.opener = opener;
        this.problem = null;
        this.busy = false;
        await this.updateComplete;
        this.querySelector('form')?.reset();
        this.dialog().showModal();
        (this.querySelector('textarea') ?? this.querySelector('button.confirm-action'))?.focus();
    }

    /** The API agreed: closes it. */
    done() {
        this.busy = false;
        this.dialog().close();
    }

    /** The API refused: its message stays in the dialog, the reason's field error beside the field. */
    async fail(error) {
        this.busy = false;
        this.problem = error;
        await this.updateComplete;
        this.querySelector('[aria-invalid="true"]')?.focus();
    }

    dialog() {
        return this.querySelector('dialog');
    }

    closed() {
        this.busy = false;
        this.opener?.focus?.();
    }

    render() {
        const error = this.problem?.fieldErrors?.reason;
        const id = this.dialogId;
        return html`
            <dialog class="confirm-dialog" aria-labelledby="${id}-heading" aria-describedby="${id}-effect"
                @close=${() => this.closed()}>
                <form method="dialog" novalidate @submit=${this.submit}>
                    <h2 id="${id}-heading">${this.heading}</h2>
                    <p class="effect" id="${id}-effect">${this.effect}</p>
                    ${this.problem && !error ? html`<bwu-problem .error=${this.problem}></bwu-problem>` : ''}
                    ${this.reasonLabel ? html`
                        <div class="field ${error ? 'invalid' : ''}" data-field="reason">
                            <label for="${id}-reason">${this.reasonLabel}</label>
                            <textarea id="${id}-reason" name="reason" rows="3" maxlength="500"
                                ?required=${this.reasonRequired} aria-invalid=${error ? 'true' : 'false'}
                                aria-describedby=${error ? `${id}-reason-error` : ''}></textarea>
                            ${error ? html`<p class="field-error" id="${id}-reason-error">${error}</p>` : ''}
                        </div>` : ''}
                    <div class="dialog-actions">
                        <button type="submit" class="primary confirm-action" ?disabled=${this.busy}>${this.confirmLabel}</button>
                        <button type="button" class="cancel" @click=${() => this.dialog().close()}>${t('dialog.cancel')}</button>
                    </div>
                </form>
            </dialog>`;
    }

    submit(event) {
        // the dialog stays open until the API has answered
        event.preventDefault();
        const reason = String(new FormData(event.target).get('reason') ?? '').trim();
        this.busy = true;
        this.dispatchEvent(new CustomEvent('bwu-confirm', { detail: { reason: reason === '' ? null : reason } }));
    }
}
customElements.define('bwu-confirm-dialog', ConfirmDialog);
