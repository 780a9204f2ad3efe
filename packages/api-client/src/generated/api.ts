// Generated from the OpenAPI document by `npm run generate -w @taskwise/api-client`. Do not edit.

export interface paths {
    "/api/{user_id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your tasks: filter, search, sort, page */
        get: {
            parameters: {
                query?: {
                    category?: string;
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    priority?: "low" | "medium" | "high";
                    /** @description Searched in title and description */
                    q?: string;
                    sort?: "created" | "-created" | "updated" | "-updated" | "dueDate" | "-dueDate" | "priority" | "-priority" | "title" | "-title";
                    status?: "all" | "pending" | "completed";
                };
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskList"];
                    };
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a task */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTaskInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        /** @description The new task: /api/{user_id}/tasks/{task_id} */
                        Location: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The task cap is reached: the account already holds the most tasks it may (nothing written) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is over 16 KiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        /** List your tasks: filter, search, sort, page */
        head: {
            parameters: {
                query?: {
                    category?: string;
                    /** @description The nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    priority?: "low" | "medium" | "high";
                    /** @description Searched in title and description */
                    q?: string;
                    sort?: "created" | "-created" | "updated" | "-updated" | "dueDate" | "-dueDate" | "priority" | "-priority" | "title" | "-title";
                    status?: "all" | "pending" | "completed";
                };
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskList"];
                    };
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/tasks/{task_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one task */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    task_id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such task for this user (another user's task looks exactly the same) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Update the fields given */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    task_id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateTaskInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such task for this user (another user's task looks exactly the same) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is over 16 KiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a task */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    task_id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such task for this user (another user's task looks exactly the same) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is over 16 KiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        /** Get one task */
        head: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    task_id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such task for this user (another user's task looks exactly the same) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/tasks/{task_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Toggle completion, or set it with {completed} */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    task_id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        completed: boolean;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such task for this user (another user's task looks exactly the same) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is over 16 KiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/{user_id}/tasks/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download every task as JSON (re-importable), CSV or iCalendar (dated tasks) */
        get: {
            parameters: {
                query?: {
                    /** @description json (re-importable), csv or ics */
                    format?: "json" | "csv" | "ics";
                };
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file, as an attachment (Content-Disposition) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskExport"];
                        "text/calendar": string;
                        "text/csv": string;
                    };
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** Download every task as JSON (re-importable), CSV or iCalendar (dated tasks) */
        head: {
            parameters: {
                query?: {
                    /** @description json (re-importable), csv or ics */
                    format?: "json" | "csv" | "ics";
                };
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file, as an attachment (Content-Disposition) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskExport"];
                        "text/calendar": string;
                        "text/csv": string;
                    };
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/tasks/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a JSON export: every task is created, or none is */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TaskImportInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskImportResult"];
                    };
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The task cap is reached: the account already holds the most tasks it may (nothing written) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is over 5 MiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/{user_id}/tasks/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Count your tasks: pending, completed, overdue and due today */
        get: {
            parameters: {
                query?: {
                    /** @description The caller's local date, YYYY-MM-DD; default: the server's date in UTC */
                    today?: string;
                };
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskSummary"];
                    };
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** Count your tasks: pending, completed, overdue and due today */
        head: {
            parameters: {
                query?: {
                    /** @description The caller's local date, YYYY-MM-DD; default: the server's date in UTC */
                    today?: string;
                };
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskSummary"];
                    };
                };
                /** @description Malformed UUID, bad JSON, an unknown or invalid field (`errors` lists them) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No token, or a token that is invalid, expired or signed out (with WWW-Authenticate) */
                401: {
                    headers: {
                        /** @description `Bearer` when no token was sent, `Bearer error="invalid_token"` otherwise */
                        "WWW-Authenticate": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The {user_id} is not the token's user, or a cross-site cookie request */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the per-user request limit (with Retry-After) */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Through the web app only: the api took the request but gave no answer (never sent by the api itself) */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up (503 only while it shuts down) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description The api is shutting down (with Retry-After) */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** The process is up (503 only while it shuts down) */
        head: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description The api is shutting down (with Retry-After) */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description This OpenAPI 3.1 document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            info: {
                                title: string;
                                version: string;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            openapi: "3.1.0";
                            paths: {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The api is shutting down (with Retry-After) */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** This document */
        head: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description This OpenAPI 3.1 document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            info: {
                                title: string;
                                version: string;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            openapi: "3.1.0";
                            paths: {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The api is shutting down (with Retry-After) */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers a query (else 503) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** The database answers a query (else 503) */
        head: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description The database or the signing keys are unavailable, the api is shutting down, or (through the web app) the api cannot be reached; with Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After": string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CreateTaskInput: {
            /** @default null */
            category?: string | null;
            /** @default false */
            completed?: boolean;
            /** @default  */
            description?: string;
            /** @default null */
            dueDate?: string | null;
            /**
             * @default medium
             * @enum {string}
             */
            priority?: "low" | "medium" | "high";
            title: string;
        };
        ImportTaskInput: {
            /** @default null */
            category?: string | null;
            /** @default false */
            completed?: boolean;
            /**
             * @description Kept; a completed task without one is completed at import time
             * @default null
             */
            completedAt?: string | null;
            /**
             * Format: date-time
             * @description Kept; import time when absent
             */
            createdAt?: string;
            /** @default  */
            description?: string;
            /** @default null */
            dueDate?: string | null;
            /**
             * Format: uuid
             * @description Ignored: the imported task gets a new id
             */
            id?: string;
            /**
             * @default medium
             * @enum {string}
             */
            priority?: "low" | "medium" | "high";
            title: string;
            /**
             * Format: date-time
             * @description Kept; import time when absent
             */
            updatedAt?: string;
            /**
             * Format: uuid
             * @description Ignored: the imported task is yours
             */
            userId?: string;
        };
        Problem: {
            /** @enum {string} */
            code: "validation_failed" | "malformed_json" | "invalid_cursor" | "invalid_token" | "forbidden" | "csrf_rejected" | "not_found" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "task_limit_reached" | "bad_request" | "internal_error" | "database_unavailable" | "auth_unavailable" | "service_unavailable" | "bad_gateway" | "password_policy" | "email_taken" | "invalid_credentials" | "account_locked" | "server_misconfigured" | "invalid_password" | "reset_token_invalid" | "email_token_invalid" | "same_email" | "invalid_code" | "two_factor_challenge_invalid" | "two_factor_enabled" | "two_factor_not_enabled" | "two_factor_not_pending";
            detail: string;
            errors?: {
                /** @description zod issue code, e.g. "too_big", or "unknown_field" */
                code: string;
                /** @enum {string} */
                location: "body" | "query" | "params" | "headers";
                message: string;
                /** @description Dotted path of the field, e.g. "title"; empty for the whole object */
                path: string;
            }[];
            status: number;
            title: string;
            /** @description A URI naming the problem type */
            type: string;
        };
        Task: {
            category: string | null;
            completed: boolean;
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            description: string;
            dueDate: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            priority: "low" | "medium" | "high";
            title: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: uuid */
            userId: string;
        };
        TaskExport: {
            /** Format: date-time */
            exportedAt: string;
            tasks: components["schemas"]["Task"][];
            /** @constant */
            version: 1;
        };
        TaskImportInput: {
            /** Format: date-time */
            exportedAt?: string;
            tasks: components["schemas"]["ImportTaskInput"][];
            /** @constant */
            version: 1;
        };
        TaskImportResult: {
            /** @description Tasks created */
            imported: number;
        };
        TaskList: {
            items: components["schemas"]["Task"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        TaskSummary: {
            completed: number;
            /** @description Pending, due on `today` */
            dueToday: number;
            /** @description Pending, due before `today` */
            overdue: number;
            pending: number;
        };
        UpdateTaskInput: {
            category?: string | null;
            completed?: boolean;
            description?: string;
            dueDate?: string | null;
            /** @enum {string} */
            priority?: "low" | "medium" | "high";
            title?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
