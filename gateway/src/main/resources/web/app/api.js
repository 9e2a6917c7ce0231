// Calls of the platform's public API with the user's token. A refusal (RFC 9457 application/problem+json)
// becomes an ApiError with a readable message (title and detail) and the field errors of a form.
import { currentLanguage, t } from './i18n.js';

export class ApiError extends Error {
    constructor(status, title, detail, fieldErrors = {}) {
        super(detail || title);
        this.status = status;
        this.title = title;
        this.detail = detail;
        /** field name → message, from the problem's errors[] */
        this.fieldErrors = fieldErrors;
    }

    static async from(response) {
        const type = response.headers.get('Content-Type') || '';
        if (type.includes('json')) {
            try {
                return ApiError.ofProblem(response.status, await response.json());
            } catch {
                // a body that is no JSON after all: fall through to the status alone
            }
        }
        return new ApiError(response.status, t('error.title'), t('error.status', { status: response.status }));
    }

    static ofProblem(status, problem) {
        const fieldErrors = {};
        for (const error of Array.isArray(problem.errors) ? problem.errors : []) {
            if (error && error.field) {
                fieldErrors[error.field] = fieldErrors[error.field]
                    ? `${fieldErrors[error.field]}; ${error.message}` : error.message;
            }
        }
        return new ApiError(status, problem.title || t('error.title'), problem.detail || '', fieldErrors);
    }

    static network() {
        return new ApiError(0, t('error.title'), t('error.network'));
    }
}

export class Api {
    constructor(session) {
        this.session = session;
    }

    get(path) {
        return this.call('GET', path);
    }

    post(path, body, headers = {}) {
        return this.call('POST', path, body, headers);
    }

    async call(method, path, body, extraHeaders = {}) {
        const headers = {
            ...extraHeaders,
            Accept: 'application/json, application/problem+json',
            'Accept-Language': currentLanguage(),
            Authorization: `Bearer ${await this.session.token()}`,
        };
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        let response;
        try {
            response = await fetch(`/api${path}`, {
                method, headers, body: body === undefined ? undefined : JSON.stringify(body),
            });
        } catch {
            throw ApiError.network();
        }
        if (!response.ok) {
            throw await ApiError.from(response);
        }
        return response.status === 204 ? null : response.json();
    }
}
