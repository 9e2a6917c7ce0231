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

    /** Every item of a paged list (the API's Page: items, page, size, total), fetched a hundred at a time. */
    async all(path) {
        const items = [];
        const separator = path.includes('?') ? '&' : '?';
        for (let page = 0; ; page++) {
            const answer = await this.get(`${path}${separator}size=100&page=${page}`);
            items.push(...answer.items);
            if (answer.items.length < 100 || items.length >= answer.total) {
                return items;
            }
        }
    }

    post(path, body, headers = {}) {
        return this.call('POST', path, body, headers);
    }

    patch(path, body) {
        return this.call('PATCH', path, body);
    }

    delete(path) {
        return this.call('DELETE', path);
    }

    /**
     * A file of the API, fetched with the user's token (a plain link could not carry it): its bytes, the name
     * the API gives it and the download id the API recorded.
     */
    async download(path) {
        let response;
        try {
            response = await fetch(`/api${path}`, { headers: await this.headers('*/*') });
        } catch {
            throw ApiError.network();
        }
        if (!response.ok) {
            throw await ApiError.from(response);
        }
        const disposition = response.headers.get('Content-Disposition') || '';
        return {
            blob: await response.blob(),
            name: /filename="([^"]+)"/.exec(disposition)?.[1] ?? path.split('/').pop(),
            downloadId: response.headers.get('X-Download-Id'),
        };
    }

    /**
     * Uploads a file as the raw body of a PUT, through XMLHttpRequest because fetch reports no upload progress.
     * onProgress receives the fraction sent (0…1).
     */
    async upload(path, file, headers, onProgress) {
        const allHeaders = { ...headers, ...(await this.headers('application/json, application/problem+json')) };
        return new Promise((resolve, reject) => {
            const request = new XMLHttpRequest();
            request.open('PUT', `/api${path}`);
            for (const [name, value] of Object.entries(allHeaders)) {
                request.setRequestHeader(name, value);
            }
            request.upload.onprogress = event => {
                if (event.lengthComputable) {
                    onProgress(event.loaded / event.total);
                }
            };
            request.onerror = () => reject(ApiError.network());
            request.onload = () => {
                let body = null;
                try {
                    body = request.responseText ? JSON.parse(request.responseText) : null;
                } catch {
                    // no JSON: the status alone speaks
                }
                if (request.status >= 200 && request.status < 300) {
                    onProgress(1);
                    resolve(body);
                } else if (body && typeof body === 'object') {
                    reject(ApiError.ofProblem(request.status, body));
                } else {
                    reject(new ApiError(request.status, t('error.title'), t('error.status', { status: request.status })));
                }
            };
            request.send(file);
        });
    }

    async headers(accept) {
        return {
            Accept: accept,
            'Accept-Language': currentLanguage(),
            Authorization: `Bearer ${await this.session.token()}`,
        };
    }

    async call(method, path, body, extraHeaders = {}) {
        const headers = { ...extraHeaders, ...(await this.headers('application/json, application/problem+json')) };
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
