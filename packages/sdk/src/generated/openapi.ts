// generated, do not edit: `npm run sdk:generate` writes it from packages/sdk/openapi.json (scripts/generate.ts)

export interface paths {
    "/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account of the calling key */
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
                            id: string;
                            name: string;
                            status: "pending" | "active" | "suspended" | "closed";
                            isHouse: boolean;
                            smsBlocked: boolean;
                            trafficHold: boolean;
                            rateLimits: {
                                /** @description requests per second; null = unlimited */
                                perKey: number | null;
                                /** @description requests per second; null = unlimited */
                                perAccount: number | null;
                            };
                            sms: {
                                /** @description SMS allowed between settlements; null = no limit */
                                limit: number | null;
                                /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                used: number;
                            };
                            spend: {
                                /** @description monthly cap on rated spend, excluding VAT; null = none */
                                capMicros: number | null;
                                alertPercents: number[];
                                /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                month: string | null;
                                /** @description rated spend in that month */
                                monthMicros: number;
                            };
                            billing: {
                                /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                mode: "postpaid" | "prepaid";
                                /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                balance: {
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                /** @description deposit to hold (before boarding, or by its due date) */
                                depositRequired: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description held by this day, or messages are refused (deposit_overdue) */
                                    dueOn: string | null;
                                } | null;
                            };
                            /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                            boarding: {
                                /** Format: date-time */
                                acceptedAt: string;
                                signer: string;
                                text: string;
                                reference: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your account's API keys */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
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
                            data: {
                                id: string;
                                name: string;
                                mode: "live" | "test";
                                /** @description the last four characters of the key */
                                hint: string;
                                scopes: string[];
                                /** Format: date-time */
                                createdAt: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key for your account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default live */
                        mode?: "live" | "test";
                        /** @description defaults to every client scope the issuer holds */
                        scopes?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            mode: "live" | "test";
                            /** @description the last four characters of the key */
                            hint: string;
                            scopes: string[];
                            /** Format: date-time */
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        } & {
                            /** @description the key itself; shown only in this response */
                            secret: string;
                        };
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
    "/v1/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an API key */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
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
                        "application/json": {
                            id: string;
                            name: string;
                            mode: "live" | "test";
                            /** @description the last four characters of the key */
                            hint: string;
                            scopes: string[];
                            /** Format: date-time */
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Revoke an API key (immediately) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
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
                        "application/json": {
                            id: string;
                            name: string;
                            mode: "live" | "test";
                            /** @description the last four characters of the key */
                            hint: string;
                            scopes: string[];
                            /** Format: date-time */
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an account's API keys */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path: {
                    accountId: string;
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
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                mode: "live" | "test";
                                /** @description the last four characters of the key */
                                hint: string;
                                scopes: string[];
                                /** Format: date-time */
                                createdAt: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Issue an API key for an account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default live */
                        mode?: "live" | "test";
                        /** @description defaults to every client scope the issuer holds */
                        scopes?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            mode: "live" | "test";
                            /** @description the last four characters of the key */
                            hint: string;
                            scopes: string[];
                            /** Format: date-time */
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        } & {
                            /** @description the key itself; shown only in this response */
                            secret: string;
                        };
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
    "/v1/admin/accounts/{accountId}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an account's API key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    keyId: string;
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
                        "application/json": {
                            id: string;
                            name: string;
                            mode: "live" | "test";
                            /** @description the last four characters of the key */
                            hint: string;
                            scopes: string[];
                            /** Format: date-time */
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List accounts */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                    status?: "pending" | "active" | "suspended" | "closed";
                };
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
                            data: {
                                id: string;
                                name: string;
                                status: "pending" | "active" | "suspended" | "closed";
                                isHouse: boolean;
                                smsBlocked: boolean;
                                trafficHold: boolean;
                                rateLimits: {
                                    /** @description requests per second; null = unlimited */
                                    perKey: number | null;
                                    /** @description requests per second; null = unlimited */
                                    perAccount: number | null;
                                };
                                sms: {
                                    /** @description SMS allowed between settlements; null = no limit */
                                    limit: number | null;
                                    /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                    used: number;
                                };
                                spend: {
                                    /** @description monthly cap on rated spend, excluding VAT; null = none */
                                    capMicros: number | null;
                                    alertPercents: number[];
                                    /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                    month: string | null;
                                    /** @description rated spend in that month */
                                    monthMicros: number;
                                };
                                billing: {
                                    /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                    mode: "postpaid" | "prepaid";
                                    /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                    balance: {
                                        amountMicros: number;
                                        currency: string;
                                    } | null;
                                    /** @description deposit to hold (before boarding, or by its due date) */
                                    depositRequired: {
                                        amountMinor: number;
                                        currency: string;
                                        /** @description held by this day, or messages are refused (deposit_overdue) */
                                        dueOn: string | null;
                                    } | null;
                                };
                                /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                                boarding: {
                                    /** Format: date-time */
                                    acceptedAt: string;
                                    signer: string;
                                    text: string;
                                    reference: string | null;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a client account (pending until boarded) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default pending */
                        status?: "pending" | "active";
                        rateLimits?: {
                            /** @description requests per second; null = unlimited */
                            perKey?: number | null;
                            /** @description requests per second; null = unlimited */
                            perAccount?: number | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            status: "pending" | "active" | "suspended" | "closed";
                            isHouse: boolean;
                            smsBlocked: boolean;
                            trafficHold: boolean;
                            rateLimits: {
                                /** @description requests per second; null = unlimited */
                                perKey: number | null;
                                /** @description requests per second; null = unlimited */
                                perAccount: number | null;
                            };
                            sms: {
                                /** @description SMS allowed between settlements; null = no limit */
                                limit: number | null;
                                /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                used: number;
                            };
                            spend: {
                                /** @description monthly cap on rated spend, excluding VAT; null = none */
                                capMicros: number | null;
                                alertPercents: number[];
                                /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                month: string | null;
                                /** @description rated spend in that month */
                                monthMicros: number;
                            };
                            billing: {
                                /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                mode: "postpaid" | "prepaid";
                                /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                balance: {
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                /** @description deposit to hold (before boarding, or by its due date) */
                                depositRequired: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description held by this day, or messages are refused (deposit_overdue) */
                                    dueOn: string | null;
                                } | null;
                            };
                            /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                            boarding: {
                                /** Format: date-time */
                                acceptedAt: string;
                                signer: string;
                                text: string;
                                reference: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    "/v1/admin/accounts/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
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
                        "application/json": {
                            id: string;
                            name: string;
                            status: "pending" | "active" | "suspended" | "closed";
                            isHouse: boolean;
                            smsBlocked: boolean;
                            trafficHold: boolean;
                            rateLimits: {
                                /** @description requests per second; null = unlimited */
                                perKey: number | null;
                                /** @description requests per second; null = unlimited */
                                perAccount: number | null;
                            };
                            sms: {
                                /** @description SMS allowed between settlements; null = no limit */
                                limit: number | null;
                                /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                used: number;
                            };
                            spend: {
                                /** @description monthly cap on rated spend, excluding VAT; null = none */
                                capMicros: number | null;
                                alertPercents: number[];
                                /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                month: string | null;
                                /** @description rated spend in that month */
                                monthMicros: number;
                            };
                            billing: {
                                /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                mode: "postpaid" | "prepaid";
                                /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                balance: {
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                /** @description deposit to hold (before boarding, or by its due date) */
                                depositRequired: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description held by this day, or messages are refused (deposit_overdue) */
                                    dueOn: string | null;
                                } | null;
                            };
                            /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                            boarding: {
                                /** Format: date-time */
                                acceptedAt: string;
                                signer: string;
                                text: string;
                                reference: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename an account or change its API rate limits */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        rateLimits?: {
                            /** @description requests per second; null = unlimited */
                            perKey?: number | null;
                            /** @description requests per second; null = unlimited */
                            perAccount?: number | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            status: "pending" | "active" | "suspended" | "closed";
                            isHouse: boolean;
                            smsBlocked: boolean;
                            trafficHold: boolean;
                            rateLimits: {
                                /** @description requests per second; null = unlimited */
                                perKey: number | null;
                                /** @description requests per second; null = unlimited */
                                perAccount: number | null;
                            };
                            sms: {
                                /** @description SMS allowed between settlements; null = no limit */
                                limit: number | null;
                                /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                used: number;
                            };
                            spend: {
                                /** @description monthly cap on rated spend, excluding VAT; null = none */
                                capMicros: number | null;
                                alertPercents: number[];
                                /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                month: string | null;
                                /** @description rated spend in that month */
                                monthMicros: number;
                            };
                            billing: {
                                /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                mode: "postpaid" | "prepaid";
                                /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                balance: {
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                /** @description deposit to hold (before boarding, or by its due date) */
                                depositRequired: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description held by this day, or messages are refused (deposit_overdue) */
                                    dueOn: string | null;
                                } | null;
                            };
                            /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                            boarding: {
                                /** Format: date-time */
                                acceptedAt: string;
                                signer: string;
                                text: string;
                                reference: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Board a pending account: with its company details complete and any required deposit held, your written acceptance activates it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        acceptance: {
                            /** @description the acceptance as written, e.g. "We accept the order of ACME Ltd under our terms of 2026-01-01" */
                            text: string;
                            /** @description who signs for the operator */
                            signer: string;
                            reference?: string | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            status: "pending" | "active" | "suspended" | "closed";
                            isHouse: boolean;
                            smsBlocked: boolean;
                            trafficHold: boolean;
                            rateLimits: {
                                /** @description requests per second; null = unlimited */
                                perKey: number | null;
                                /** @description requests per second; null = unlimited */
                                perAccount: number | null;
                            };
                            sms: {
                                /** @description SMS allowed between settlements; null = no limit */
                                limit: number | null;
                                /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                used: number;
                            };
                            spend: {
                                /** @description monthly cap on rated spend, excluding VAT; null = none */
                                capMicros: number | null;
                                alertPercents: number[];
                                /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                month: string | null;
                                /** @description rated spend in that month */
                                monthMicros: number;
                            };
                            billing: {
                                /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                mode: "postpaid" | "prepaid";
                                /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                balance: {
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                /** @description deposit to hold (before boarding, or by its due date) */
                                depositRequired: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description held by this day, or messages are refused (deposit_overdue) */
                                    dueOn: string | null;
                                } | null;
                            };
                            /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                            boarding: {
                                /** Format: date-time */
                                acceptedAt: string;
                                signer: string;
                                text: string;
                                reference: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    "/v1/admin/accounts/{accountId}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an account: its live keys can no longer send */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            status: "pending" | "active" | "suspended" | "closed";
                            isHouse: boolean;
                            smsBlocked: boolean;
                            trafficHold: boolean;
                            rateLimits: {
                                /** @description requests per second; null = unlimited */
                                perKey: number | null;
                                /** @description requests per second; null = unlimited */
                                perAccount: number | null;
                            };
                            sms: {
                                /** @description SMS allowed between settlements; null = no limit */
                                limit: number | null;
                                /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                used: number;
                            };
                            spend: {
                                /** @description monthly cap on rated spend, excluding VAT; null = none */
                                capMicros: number | null;
                                alertPercents: number[];
                                /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                month: string | null;
                                /** @description rated spend in that month */
                                monthMicros: number;
                            };
                            billing: {
                                /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                mode: "postpaid" | "prepaid";
                                /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                balance: {
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                /** @description deposit to hold (before boarding, or by its due date) */
                                depositRequired: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description held by this day, or messages are refused (deposit_overdue) */
                                    dueOn: string | null;
                                } | null;
                            };
                            /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                            boarding: {
                                /** Format: date-time */
                                acceptedAt: string;
                                signer: string;
                                text: string;
                                reference: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    "/v1/admin/accounts/{accountId}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a suspended account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            status: "pending" | "active" | "suspended" | "closed";
                            isHouse: boolean;
                            smsBlocked: boolean;
                            trafficHold: boolean;
                            rateLimits: {
                                /** @description requests per second; null = unlimited */
                                perKey: number | null;
                                /** @description requests per second; null = unlimited */
                                perAccount: number | null;
                            };
                            sms: {
                                /** @description SMS allowed between settlements; null = no limit */
                                limit: number | null;
                                /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                used: number;
                            };
                            spend: {
                                /** @description monthly cap on rated spend, excluding VAT; null = none */
                                capMicros: number | null;
                                alertPercents: number[];
                                /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                month: string | null;
                                /** @description rated spend in that month */
                                monthMicros: number;
                            };
                            billing: {
                                /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                mode: "postpaid" | "prepaid";
                                /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                balance: {
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                /** @description deposit to hold (before boarding, or by its due date) */
                                depositRequired: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description held by this day, or messages are refused (deposit_overdue) */
                                    dueOn: string | null;
                                } | null;
                            };
                            /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                            boarding: {
                                /** Format: date-time */
                                acceptedAt: string;
                                signer: string;
                                text: string;
                                reference: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    "/v1/admin/accounts/{accountId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an account for good */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            status: "pending" | "active" | "suspended" | "closed";
                            isHouse: boolean;
                            smsBlocked: boolean;
                            trafficHold: boolean;
                            rateLimits: {
                                /** @description requests per second; null = unlimited */
                                perKey: number | null;
                                /** @description requests per second; null = unlimited */
                                perAccount: number | null;
                            };
                            sms: {
                                /** @description SMS allowed between settlements; null = no limit */
                                limit: number | null;
                                /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                used: number;
                            };
                            spend: {
                                /** @description monthly cap on rated spend, excluding VAT; null = none */
                                capMicros: number | null;
                                alertPercents: number[];
                                /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                month: string | null;
                                /** @description rated spend in that month */
                                monthMicros: number;
                            };
                            billing: {
                                /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                mode: "postpaid" | "prepaid";
                                /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                balance: {
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                /** @description deposit to hold (before boarding, or by its due date) */
                                depositRequired: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description held by this day, or messages are refused (deposit_overdue) */
                                    dueOn: string | null;
                                } | null;
                            };
                            /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                            boarding: {
                                /** Format: date-time */
                                acceptedAt: string;
                                signer: string;
                                text: string;
                                reference: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    "/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your account's audit log, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                    action?: string;
                    actorId?: string;
                    targetId?: string;
                    createdAfter?: string;
                    createdBefore?: string;
                };
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
                            data: {
                                id: string;
                                accountId: string;
                                seq: number;
                                /** Format: date-time */
                                at: string;
                                actor: {
                                    type: string;
                                    id: string;
                                };
                                action: string;
                                target: {
                                    type: string;
                                    id: string;
                                } | null;
                                /** @description what happened, with any free text (reasons, notes) until retention redacts it */
                                data: {
                                    [key: string]: unknown;
                                };
                                /** @description when retention removed the free text (the chain still verifies) */
                                freeTextRedactedAt: string | null;
                                /** @description hex SHA-256 of the previous hash and this entry */
                                hash: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log of every account (or one), oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                    action?: string;
                    actorId?: string;
                    targetId?: string;
                    createdAfter?: string;
                    createdBefore?: string;
                    accountId?: string;
                };
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
                            data: {
                                id: string;
                                accountId: string;
                                seq: number;
                                /** Format: date-time */
                                at: string;
                                actor: {
                                    type: string;
                                    id: string;
                                };
                                action: string;
                                target: {
                                    type: string;
                                    id: string;
                                } | null;
                                /** @description what happened, with any free text (reasons, notes) until retention redacts it */
                                data: {
                                    [key: string]: unknown;
                                };
                                /** @description when retention removed the free text (the chain still verifies) */
                                freeTextRedactedAt: string | null;
                                /** @description hex SHA-256 of the previous hash and this entry */
                                hash: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List assigned numbers */
        get: {
            parameters: {
                query?: {
                    accountId?: string;
                };
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
                            data: {
                                id: string;
                                number: string;
                                accountId: string;
                                channels: string[];
                                sandbox: boolean;
                                whatsapp: {
                                    /** @description the WhatsApp connector (Business Account) the number belongs to */
                                    connectorId: string;
                                    /** @description Meta's phone number id */
                                    phoneNumberId: string;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Assign a number or short code to an account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        number: string;
                        accountId: string;
                        channels: ("sms" | "whatsapp")[];
                        whatsapp?: {
                            /** @description the WhatsApp connector (Business Account) the number belongs to */
                            connectorId: string;
                            /** @description Meta's phone number id */
                            phoneNumberId: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            number: string;
                            accountId: string;
                            channels: string[];
                            sandbox: boolean;
                            whatsapp: {
                                /** @description the WhatsApp connector (Business Account) the number belongs to */
                                connectorId: string;
                                /** @description Meta's phone number id */
                                phoneNumberId: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
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
    "/v1/admin/numbers/{numberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a number back from its account */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    numberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your account's numbers */
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
                            data: {
                                id: string;
                                number: string;
                                accountId: string;
                                channels: string[];
                                sandbox: boolean;
                                whatsapp: {
                                    /** @description the WhatsApp connector (Business Account) the number belongs to */
                                    connectorId: string;
                                    /** @description Meta's phone number id */
                                    phoneNumberId: string;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List connectors with their live state */
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
                            data: {
                                id: string;
                                name: string;
                                kind: "smpp" | "whatsapp";
                                enabled: boolean;
                                sandbox: boolean;
                                /** @description smpp: the bind held by the leading worker; whatsapp (HTTP, no session): ready once its secrets are set */
                                state: "bound" | "connecting" | "down" | "disabled" | "ready";
                                /** @description settings without the password, token or secrets */
                                config: {
                                    [key: string]: unknown;
                                };
                                /** @description smpp: a password is set; whatsapp: the token, app secret and verify token are set */
                                hasPassword: boolean;
                                stats: {
                                    windowInUse: number;
                                    submitted: number;
                                    failed: number;
                                    receipts: number;
                                    lastError: string | null;
                                    reportedAt: string | null;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an SMPP connector or a WhatsApp Business Account connector */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        kind: "smpp";
                        /** @default true */
                        enabled?: boolean;
                        config: {
                            host: string;
                            port: number;
                            /** @default false */
                            tls?: boolean;
                            systemId: string;
                            /** @description write-only; stored encrypted */
                            password?: string;
                            /** @default  */
                            systemType?: string;
                            /** @default transceiver */
                            bindMode?: "transceiver" | "transmitter_receiver";
                            /** @default 10 */
                            windowSize?: number;
                            /**
                             * @description submitting binds held at once (if the operator allows several)
                             * @default 1
                             */
                            binds?: number;
                            /** @default null */
                            maxPerSecond?: number | null;
                            /** @default 30 */
                            enquireLinkSeconds?: number;
                            /** @default 10 */
                            responseTimeoutSeconds?: number;
                            /** @default 60 */
                            reconnectMaxSeconds?: number;
                            /**
                             * @description what data_coding 0 means on this SMSC: GSM 03.38 (most) or ISO-8859-1
                             * @default gsm7
                             */
                            dataCoding0?: "gsm7" | "latin1";
                            /**
                             * @description how receipt ids relate to submit_sm_resp ids, like Kannel's msg-id-type: same (leading zeros and case aside), or converted (hex-to-decimal: resp ids hex, receipt ids decimal; or the reverse). Never guessed.
                             * @default same
                             */
                            receiptIdFormat?: "same" | "hex-to-decimal" | "decimal-to-hex";
                            /**
                             * @description long messages: UDH with 8- or 16-bit reference, SAR TLVs, or one PDU with message_payload
                             * @default udh8
                             */
                            longMessageMode?: "udh8" | "udh16" | "sar" | "payload";
                        };
                    } | {
                        name: string;
                        /** @enum {string} */
                        kind: "whatsapp";
                        /** @default true */
                        enabled?: boolean;
                        config: {
                            /** @description the WhatsApp Business Account id */
                            wabaId: string;
                            /**
                             * Format: uri
                             * @default https://graph.facebook.com
                             */
                            graphBaseUrl?: string;
                            /** @default v21.0 */
                            graphVersion?: string;
                            /**
                             * @description messages per second per number (Meta: 80 by default)
                             * @default 80
                             */
                            maxPerSecond?: number;
                            /** @description write-only; stored encrypted */
                            accessToken?: string;
                            /** @description write-only; signs Meta's webhooks (X-Hub-Signature-256) */
                            appSecret?: string;
                            /** @description write-only; answers Meta's webhook subscription handshake */
                            verifyToken?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            kind: "smpp" | "whatsapp";
                            enabled: boolean;
                            sandbox: boolean;
                            /** @description smpp: the bind held by the leading worker; whatsapp (HTTP, no session): ready once its secrets are set */
                            state: "bound" | "connecting" | "down" | "disabled" | "ready";
                            /** @description settings without the password, token or secrets */
                            config: {
                                [key: string]: unknown;
                            };
                            /** @description smpp: a password is set; whatsapp: the token, app secret and verify token are set */
                            hasPassword: boolean;
                            stats: {
                                windowInUse: number;
                                submitted: number;
                                failed: number;
                                receipts: number;
                                lastError: string | null;
                                reportedAt: string | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    "/v1/admin/connectors/{connectorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a connector with its state and counters */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectorId: string;
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
                        "application/json": {
                            id: string;
                            name: string;
                            kind: "smpp" | "whatsapp";
                            enabled: boolean;
                            sandbox: boolean;
                            /** @description smpp: the bind held by the leading worker; whatsapp (HTTP, no session): ready once its secrets are set */
                            state: "bound" | "connecting" | "down" | "disabled" | "ready";
                            /** @description settings without the password, token or secrets */
                            config: {
                                [key: string]: unknown;
                            };
                            /** @description smpp: a password is set; whatsapp: the token, app secret and verify token are set */
                            hasPassword: boolean;
                            stats: {
                                windowInUse: number;
                                submitted: number;
                                failed: number;
                                receipts: number;
                                lastError: string | null;
                                reportedAt: string | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a connector that no route uses */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectorId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, enable or disable a connector, or change its settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectorId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        enabled?: boolean;
                        /** @description the connector kind's whole configuration; secrets left out stay as they are */
                        config?: {
                            host: string;
                            port: number;
                            /** @default false */
                            tls?: boolean;
                            systemId: string;
                            /** @description write-only; stored encrypted */
                            password?: string;
                            /** @default  */
                            systemType?: string;
                            /** @default transceiver */
                            bindMode?: "transceiver" | "transmitter_receiver";
                            /** @default 10 */
                            windowSize?: number;
                            /**
                             * @description submitting binds held at once (if the operator allows several)
                             * @default 1
                             */
                            binds?: number;
                            /** @default null */
                            maxPerSecond?: number | null;
                            /** @default 30 */
                            enquireLinkSeconds?: number;
                            /** @default 10 */
                            responseTimeoutSeconds?: number;
                            /** @default 60 */
                            reconnectMaxSeconds?: number;
                            /**
                             * @description what data_coding 0 means on this SMSC: GSM 03.38 (most) or ISO-8859-1
                             * @default gsm7
                             */
                            dataCoding0?: "gsm7" | "latin1";
                            /**
                             * @description how receipt ids relate to submit_sm_resp ids, like Kannel's msg-id-type: same (leading zeros and case aside), or converted (hex-to-decimal: resp ids hex, receipt ids decimal; or the reverse). Never guessed.
                             * @default same
                             */
                            receiptIdFormat?: "same" | "hex-to-decimal" | "decimal-to-hex";
                            /**
                             * @description long messages: UDH with 8- or 16-bit reference, SAR TLVs, or one PDU with message_payload
                             * @default udh8
                             */
                            longMessageMode?: "udh8" | "udh16" | "sar" | "payload";
                        } | {
                            /** @description the WhatsApp Business Account id */
                            wabaId: string;
                            /**
                             * Format: uri
                             * @default https://graph.facebook.com
                             */
                            graphBaseUrl?: string;
                            /** @default v21.0 */
                            graphVersion?: string;
                            /**
                             * @description messages per second per number (Meta: 80 by default)
                             * @default 80
                             */
                            maxPerSecond?: number;
                            /** @description write-only; stored encrypted */
                            accessToken?: string;
                            /** @description write-only; signs Meta's webhooks (X-Hub-Signature-256) */
                            appSecret?: string;
                            /** @description write-only; answers Meta's webhook subscription handshake */
                            verifyToken?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            kind: "smpp" | "whatsapp";
                            enabled: boolean;
                            sandbox: boolean;
                            /** @description smpp: the bind held by the leading worker; whatsapp (HTTP, no session): ready once its secrets are set */
                            state: "bound" | "connecting" | "down" | "disabled" | "ready";
                            /** @description settings without the password, token or secrets */
                            config: {
                                [key: string]: unknown;
                            };
                            /** @description smpp: a password is set; whatsapp: the token, app secret and verify token are set */
                            hasPassword: boolean;
                            stats: {
                                windowInUse: number;
                                submitted: number;
                                failed: number;
                                receipts: number;
                                lastError: string | null;
                                reportedAt: string | null;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/admin/routes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List routes */
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
                            data: {
                                id: string;
                                prefix: string;
                                accountId: string | null;
                                connectors: {
                                    connectorId: string;
                                    priority: number;
                                    weight: number;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Route a destination prefix (optionally for one account) to connectors */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description "+" for every destination, "+49" for Germany, … */
                        prefix: string;
                        accountId?: string | null;
                        connectors: {
                            connectorId: string;
                            /** @default 0 */
                            priority?: number;
                            /** @default 1 */
                            weight?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            prefix: string;
                            accountId: string | null;
                            connectors: {
                                connectorId: string;
                                priority: number;
                                weight: number;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                        };
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
    "/v1/admin/routes/{routeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a route */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    routeId: string;
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
                        "application/json": {
                            id: string;
                            prefix: string;
                            accountId: string | null;
                            connectors: {
                                connectorId: string;
                                priority: number;
                                weight: number;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a route */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    routeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/country-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the per-country rules, by country */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
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
                            data: {
                                country: string;
                                /** @description allowed: any alphanumeric sender; registered_only: only those in registeredSenders; not_allowed: none (numbers and short codes only) */
                                alphanumericSender: "allowed" | "registered_only" | "not_allowed";
                                registeredSenders: {
                                    sender: string;
                                    accountId: string | null;
                                }[];
                                defaultSender: string | null;
                                timeZone: string | null;
                                quietHours: {
                                    start: string;
                                    end: string;
                                } | null;
                                quietDays: ("monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")[];
                                holidays: string[];
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/country-rules/{country}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A country's rules */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description ISO 3166-1 alpha-2, upper case: DE, US, … */
                    country: string;
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
                        "application/json": {
                            country: string;
                            /** @description allowed: any alphanumeric sender; registered_only: only those in registeredSenders; not_allowed: none (numbers and short codes only) */
                            alphanumericSender: "allowed" | "registered_only" | "not_allowed";
                            registeredSenders: {
                                sender: string;
                                accountId: string | null;
                            }[];
                            defaultSender: string | null;
                            timeZone: string | null;
                            quietHours: {
                                start: string;
                                end: string;
                            } | null;
                            quietDays: ("monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")[];
                            holidays: string[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Set a country's rules (the whole rule: fields left out take their defaults); applies at once in every process */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description ISO 3166-1 alpha-2, upper case: DE, US, … */
                    country: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description allowed: any alphanumeric sender; registered_only: only those in registeredSenders; not_allowed: none (numbers and short codes only) */
                        alphanumericSender?: "allowed" | "registered_only" | "not_allowed";
                        registeredSenders?: {
                            /** @description the alphanumeric sender, exactly as registered */
                            sender: string;
                            /** @description registered for this account only; null or absent: for every account */
                            accountId?: string | null;
                        }[];
                        /** @description for an SMS to this country with no sender, or with an alphanumeric sender the country refuses; null: an SMS whose sender the country refuses is rejected (sender_not_allowed) */
                        defaultSender?: string | null;
                        /** @description IANA zone the quiet hours, quiet days and holidays are read in (the capital's, for a country with several) */
                        timeZone?: string | null;
                        /** @description marketing waits from start until end, local time; start after end spans midnight (21:00-08:00); null: no quiet hours */
                        quietHours?: {
                            /** @description local time, HH:MM (24 h) */
                            start: string;
                            /** @description local time, HH:MM (24 h) */
                            end: string;
                        } | null;
                        /** @description weekdays on which marketing waits all day */
                        quietDays?: ("monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")[];
                        /** @description public holidays (local dates, YYYY-MM-DD) on which marketing waits all day */
                        holidays?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            country: string;
                            /** @description allowed: any alphanumeric sender; registered_only: only those in registeredSenders; not_allowed: none (numbers and short codes only) */
                            alphanumericSender: "allowed" | "registered_only" | "not_allowed";
                            registeredSenders: {
                                sender: string;
                                accountId: string | null;
                            }[];
                            defaultSender: string | null;
                            timeZone: string | null;
                            quietHours: {
                                start: string;
                                end: string;
                            } | null;
                            quietDays: ("monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")[];
                            holidays: string[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            country: string;
                            /** @description allowed: any alphanumeric sender; registered_only: only those in registeredSenders; not_allowed: none (numbers and short codes only) */
                            alphanumericSender: "allowed" | "registered_only" | "not_allowed";
                            registeredSenders: {
                                sender: string;
                                accountId: string | null;
                            }[];
                            defaultSender: string | null;
                            timeZone: string | null;
                            quietHours: {
                                start: string;
                                end: string;
                            } | null;
                            quietDays: ("monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")[];
                            holidays: string[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a country's rules: its messages are no longer checked */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description ISO 3166-1 alpha-2, upper case: DE, US, … */
                    country: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List messages, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                    status?: "scheduled" | "held" | "queued" | "sending" | "sent" | "delivered" | "undelivered" | "read" | "failed" | "expired" | "rejected" | "canceled" | "received";
                    to?: string;
                    from?: string;
                    channel?: string;
                    direction?: "outbound" | "inbound";
                    createdAfter?: string;
                    createdBefore?: string;
                };
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
                            data: {
                                id: string;
                                direction: "outbound" | "inbound";
                                channel: string;
                                status: "scheduled" | "held" | "queued" | "sending" | "sent" | "delivered" | "undelivered" | "read" | "failed" | "expired" | "rejected" | "canceled" | "received";
                                to: string;
                                from: string | null;
                                body: string | null;
                                encoding: "GSM-7" | "UCS-2" | null;
                                segments: number | null;
                                purpose: string;
                                priority: string;
                                scheduledAt: string | null;
                                validUntil: string | null;
                                reference: string | null;
                                metadata: {
                                    [key: string]: string;
                                } | null;
                                callbackUrl: string | null;
                                storeContent: boolean;
                                connectorId: string | null;
                                /** @description what the parts sent so far cost, excluding VAT; null until rated (test keys are never billed) */
                                price: {
                                    /** @description millionths of the currency unit (SMS prices are fractions of a cent) */
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                error: {
                                    code: string;
                                    title: string;
                                    detail: string;
                                } | null;
                                /** @description WhatsApp: the content sent (template, media, interactive, reaction or location) */
                                whatsapp: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description while held, why: traffic_hold (the account's kill switch), fraud_review, connector:<id> or country:<CC> (platform holds) */
                                holdReason: string | null;
                                /** @description the fraud rules' decision and its reasons; null when they did not run */
                                fraud: {
                                    /** @description what was done: review holds the message, block rejects it */
                                    action: "allow" | "review" | "block";
                                    /** @description what the rules asked for (differs from action in monitor mode) */
                                    wouldAction: "allow" | "review" | "block";
                                    mode: "monitor" | "enforce";
                                    score: number;
                                    rules: {
                                        rule: string;
                                        score: number;
                                        explanation: string;
                                    }[];
                                    /** Format: date-time */
                                    decidedAt: string;
                                } | null;
                                /** @description set when the body and media were deleted (retention period passed or an erasure request): body is then null */
                                contentErased: {
                                    /** Format: date-time */
                                    at: string;
                                    reason: "retention" | "erasure";
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Send a message */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description E.164 number, e.g. +4915112345678 */
                        to: string;
                        /** @description alphanumeric sender (≤ 11), short code or E.164 number; default: the account default sender */
                        from?: string;
                        /** @default sms */
                        channel?: "sms" | "whatsapp" | "auto";
                        /** @description the text: required for SMS (up to 1,600 characters), a WhatsApp text message (up to 4,096) */
                        body?: string;
                        /** @description WhatsApp text: show a preview of the first URL */
                        previewUrl?: boolean;
                        /** @description WhatsApp: an approved template { name, language, components } (Meta's shape, camelCase) */
                        template?: {
                            [key: string]: unknown;
                        };
                        /** @description WhatsApp: { kind: image|document|audio|video|sticker, url | id, caption?, filename? } */
                        media?: {
                            [key: string]: unknown;
                        };
                        /** @description WhatsApp: reply buttons or a list */
                        interactive?: {
                            [key: string]: unknown;
                        };
                        /** @description WhatsApp: { messageId, emoji } */
                        reaction?: {
                            [key: string]: unknown;
                        };
                        /** @description WhatsApp: { latitude, longitude, name?, address? } */
                        location?: {
                            [key: string]: unknown;
                        };
                        /** @description WhatsApp: go by SMS if WhatsApp fails for good or nothing is delivered in time */
                        fallback?: "sms"[];
                        /** @description the SMS text for a fallback (default: the text, or the rendered template) */
                        fallbackBody?: string;
                        /** @description fail over when not delivered within this time (default 300) */
                        fallbackAfterSeconds?: number;
                        /** @default transactional */
                        purpose?: "transactional" | "marketing" | "otp";
                        /** @default normal */
                        priority?: "normal" | "high";
                        /** Format: date-time */
                        scheduledAt?: string;
                        /** Format: date-time */
                        validUntil?: string;
                        reference?: string;
                        metadata?: {
                            [key: string]: string;
                        };
                        /** Format: uri */
                        callbackUrl?: string;
                        /** @default true */
                        storeContent?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            direction: "outbound" | "inbound";
                            channel: string;
                            status: "scheduled" | "held" | "queued" | "sending" | "sent" | "delivered" | "undelivered" | "read" | "failed" | "expired" | "rejected" | "canceled" | "received";
                            to: string;
                            from: string | null;
                            body: string | null;
                            encoding: "GSM-7" | "UCS-2" | null;
                            segments: number | null;
                            purpose: string;
                            priority: string;
                            scheduledAt: string | null;
                            validUntil: string | null;
                            reference: string | null;
                            metadata: {
                                [key: string]: string;
                            } | null;
                            callbackUrl: string | null;
                            storeContent: boolean;
                            connectorId: string | null;
                            /** @description what the parts sent so far cost, excluding VAT; null until rated (test keys are never billed) */
                            price: {
                                /** @description millionths of the currency unit (SMS prices are fractions of a cent) */
                                amountMicros: number;
                                currency: string;
                            } | null;
                            error: {
                                code: string;
                                title: string;
                                detail: string;
                            } | null;
                            /** @description WhatsApp: the content sent (template, media, interactive, reaction or location) */
                            whatsapp: {
                                [key: string]: unknown;
                            } | null;
                            /** @description while held, why: traffic_hold (the account's kill switch), fraud_review, connector:<id> or country:<CC> (platform holds) */
                            holdReason: string | null;
                            /** @description the fraud rules' decision and its reasons; null when they did not run */
                            fraud: {
                                /** @description what was done: review holds the message, block rejects it */
                                action: "allow" | "review" | "block";
                                /** @description what the rules asked for (differs from action in monitor mode) */
                                wouldAction: "allow" | "review" | "block";
                                mode: "monitor" | "enforce";
                                score: number;
                                rules: {
                                    rule: string;
                                    score: number;
                                    explanation: string;
                                }[];
                                /** Format: date-time */
                                decidedAt: string;
                            } | null;
                            /** @description set when the body and media were deleted (retention period passed or an erasure request): body is then null */
                            contentErased: {
                                /** Format: date-time */
                                at: string;
                                reason: "retention" | "erasure";
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description only in the answer to the send, never stored. default_sender_used: no from and no sender of the account's own, so the platform's default sender goes out (docs/sms.md) */
                            warnings?: {
                                /** @enum {string} */
                                code: "default_sender_used";
                                detail: string;
                            }[];
                        };
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
    "/v1/messages/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send up to 1000 messages; each item is accepted or refused on its own */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        messages: unknown[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: ({
                                id: string;
                                direction: "outbound" | "inbound";
                                channel: string;
                                status: "scheduled" | "held" | "queued" | "sending" | "sent" | "delivered" | "undelivered" | "read" | "failed" | "expired" | "rejected" | "canceled" | "received";
                                to: string;
                                from: string | null;
                                body: string | null;
                                encoding: "GSM-7" | "UCS-2" | null;
                                segments: number | null;
                                purpose: string;
                                priority: string;
                                scheduledAt: string | null;
                                validUntil: string | null;
                                reference: string | null;
                                metadata: {
                                    [key: string]: string;
                                } | null;
                                callbackUrl: string | null;
                                storeContent: boolean;
                                connectorId: string | null;
                                /** @description what the parts sent so far cost, excluding VAT; null until rated (test keys are never billed) */
                                price: {
                                    /** @description millionths of the currency unit (SMS prices are fractions of a cent) */
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                error: {
                                    code: string;
                                    title: string;
                                    detail: string;
                                } | null;
                                /** @description WhatsApp: the content sent (template, media, interactive, reaction or location) */
                                whatsapp: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description while held, why: traffic_hold (the account's kill switch), fraud_review, connector:<id> or country:<CC> (platform holds) */
                                holdReason: string | null;
                                /** @description the fraud rules' decision and its reasons; null when they did not run */
                                fraud: {
                                    /** @description what was done: review holds the message, block rejects it */
                                    action: "allow" | "review" | "block";
                                    /** @description what the rules asked for (differs from action in monitor mode) */
                                    wouldAction: "allow" | "review" | "block";
                                    mode: "monitor" | "enforce";
                                    score: number;
                                    rules: {
                                        rule: string;
                                        score: number;
                                        explanation: string;
                                    }[];
                                    /** Format: date-time */
                                    decidedAt: string;
                                } | null;
                                /** @description set when the body and media were deleted (retention period passed or an erasure request): body is then null */
                                contentErased: {
                                    /** Format: date-time */
                                    at: string;
                                    reason: "retention" | "erasure";
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description only in the answer to the send, never stored. default_sender_used: no from and no sender of the account's own, so the platform's default sender goes out (docs/sms.md) */
                                warnings?: {
                                    /** @enum {string} */
                                    code: "default_sender_used";
                                    detail: string;
                                }[];
                            } | {
                                error: components["schemas"]["def-0"];
                            })[];
                        };
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
    "/v1/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a message with its status history and attempts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    messageId: string;
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
                        "application/json": {
                            id: string;
                            direction: "outbound" | "inbound";
                            channel: string;
                            status: "scheduled" | "held" | "queued" | "sending" | "sent" | "delivered" | "undelivered" | "read" | "failed" | "expired" | "rejected" | "canceled" | "received";
                            to: string;
                            from: string | null;
                            body: string | null;
                            encoding: "GSM-7" | "UCS-2" | null;
                            segments: number | null;
                            purpose: string;
                            priority: string;
                            scheduledAt: string | null;
                            validUntil: string | null;
                            reference: string | null;
                            metadata: {
                                [key: string]: string;
                            } | null;
                            callbackUrl: string | null;
                            storeContent: boolean;
                            connectorId: string | null;
                            /** @description what the parts sent so far cost, excluding VAT; null until rated (test keys are never billed) */
                            price: {
                                /** @description millionths of the currency unit (SMS prices are fractions of a cent) */
                                amountMicros: number;
                                currency: string;
                            } | null;
                            error: {
                                code: string;
                                title: string;
                                detail: string;
                            } | null;
                            /** @description WhatsApp: the content sent (template, media, interactive, reaction or location) */
                            whatsapp: {
                                [key: string]: unknown;
                            } | null;
                            /** @description while held, why: traffic_hold (the account's kill switch), fraud_review, connector:<id> or country:<CC> (platform holds) */
                            holdReason: string | null;
                            /** @description the fraud rules' decision and its reasons; null when they did not run */
                            fraud: {
                                /** @description what was done: review holds the message, block rejects it */
                                action: "allow" | "review" | "block";
                                /** @description what the rules asked for (differs from action in monitor mode) */
                                wouldAction: "allow" | "review" | "block";
                                mode: "monitor" | "enforce";
                                score: number;
                                rules: {
                                    rule: string;
                                    score: number;
                                    explanation: string;
                                }[];
                                /** Format: date-time */
                                decidedAt: string;
                            } | null;
                            /** @description set when the body and media were deleted (retention period passed or an erasure request): body is then null */
                            contentErased: {
                                /** Format: date-time */
                                at: string;
                                reason: "retention" | "erasure";
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } & {
                            events: {
                                status: string;
                                /** Format: date-time */
                                at: string;
                                channel: string;
                                connectorId: string | null;
                                errorCode: string | null;
                            }[];
                            attempts: {
                                attempt: number;
                                channel: string;
                                connectorId: string | null;
                                status: string;
                                errorCode: string | null;
                                /** Format: date-time */
                                startedAt: string;
                                endedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{messageId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a scheduled, held or not-yet-sent queued message */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    messageId: string;
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
                        "application/json": {
                            id: string;
                            direction: "outbound" | "inbound";
                            channel: string;
                            status: "scheduled" | "held" | "queued" | "sending" | "sent" | "delivered" | "undelivered" | "read" | "failed" | "expired" | "rejected" | "canceled" | "received";
                            to: string;
                            from: string | null;
                            body: string | null;
                            encoding: "GSM-7" | "UCS-2" | null;
                            segments: number | null;
                            purpose: string;
                            priority: string;
                            scheduledAt: string | null;
                            validUntil: string | null;
                            reference: string | null;
                            metadata: {
                                [key: string]: string;
                            } | null;
                            callbackUrl: string | null;
                            storeContent: boolean;
                            connectorId: string | null;
                            /** @description what the parts sent so far cost, excluding VAT; null until rated (test keys are never billed) */
                            price: {
                                /** @description millionths of the currency unit (SMS prices are fractions of a cent) */
                                amountMicros: number;
                                currency: string;
                            } | null;
                            error: {
                                code: string;
                                title: string;
                                detail: string;
                            } | null;
                            /** @description WhatsApp: the content sent (template, media, interactive, reaction or location) */
                            whatsapp: {
                                [key: string]: unknown;
                            } | null;
                            /** @description while held, why: traffic_hold (the account's kill switch), fraud_review, connector:<id> or country:<CC> (platform holds) */
                            holdReason: string | null;
                            /** @description the fraud rules' decision and its reasons; null when they did not run */
                            fraud: {
                                /** @description what was done: review holds the message, block rejects it */
                                action: "allow" | "review" | "block";
                                /** @description what the rules asked for (differs from action in monitor mode) */
                                wouldAction: "allow" | "review" | "block";
                                mode: "monitor" | "enforce";
                                score: number;
                                rules: {
                                    rule: string;
                                    score: number;
                                    explanation: string;
                                }[];
                                /** Format: date-time */
                                decidedAt: string;
                            } | null;
                            /** @description set when the body and media were deleted (retention period passed or an erasure request): body is then null */
                            contentErased: {
                                /** Format: date-time */
                                at: string;
                                reason: "retention" | "erasure";
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
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
                            data: {
                                id: string;
                                url: string;
                                /** @description test: created with a test key; receives only the events of test-mode objects (messages sent with a test key) */
                                mode: "live" | "test";
                                events: string[];
                                description: string | null;
                                enabled: boolean;
                                /** @description manual (PATCH), gone (the receiver answered 410) or failing (no success for 5 days) */
                                disabledReason: "manual" | "gone" | "failing" | null;
                                failingSince: string | null;
                                /** @description until then the previous secret signs too */
                                previousSecretExpiresAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a webhook endpoint (its secret is shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                        /** @description event types (e.g. "message.delivered"), or ["*"] for all */
                        events?: string[];
                        description?: string | null;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            /** @description test: created with a test key; receives only the events of test-mode objects (messages sent with a test key) */
                            mode: "live" | "test";
                            events: string[];
                            description: string | null;
                            enabled: boolean;
                            /** @description manual (PATCH), gone (the receiver answered 410) or failing (no success for 5 days) */
                            disabledReason: "manual" | "gone" | "failing" | null;
                            failingSince: string | null;
                            /** @description until then the previous secret signs too */
                            previousSecretExpiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } & {
                            /** @description whsec_…: the signing secret, shown only in this response */
                            secret: string;
                        };
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
    "/v1/webhook-endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    endpointId: string;
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
                        "application/json": {
                            id: string;
                            url: string;
                            /** @description test: created with a test key; receives only the events of test-mode objects (messages sent with a test key) */
                            mode: "live" | "test";
                            events: string[];
                            description: string | null;
                            enabled: boolean;
                            /** @description manual (PATCH), gone (the receiver answered 410) or failing (no success for 5 days) */
                            disabledReason: "manual" | "gone" | "failing" | null;
                            failingSince: string | null;
                            /** @description until then the previous secret signs too */
                            previousSecretExpiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a webhook endpoint (its pending deliveries are dropped) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a webhook endpoint; {"enabled": true} re-enables a disabled one */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url?: string;
                        /** @description event types (e.g. "message.delivered"), or ["*"] for all */
                        events?: string[];
                        description?: string | null;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            /** @description test: created with a test key; receives only the events of test-mode objects (messages sent with a test key) */
                            mode: "live" | "test";
                            events: string[];
                            description: string | null;
                            enabled: boolean;
                            /** @description manual (PATCH), gone (the receiver answered 410) or failing (no success for 5 days) */
                            disabledReason: "manual" | "gone" | "failing" | null;
                            failingSince: string | null;
                            /** @description until then the previous secret signs too */
                            previousSecretExpiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpointId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new signing secret; the old one keeps signing for 24 hours */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    endpointId: string;
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
                        "application/json": {
                            id: string;
                            url: string;
                            /** @description test: created with a test key; receives only the events of test-mode objects (messages sent with a test key) */
                            mode: "live" | "test";
                            events: string[];
                            description: string | null;
                            enabled: boolean;
                            /** @description manual (PATCH), gone (the receiver answered 410) or failing (no success for 5 days) */
                            disabledReason: "manual" | "gone" | "failing" | null;
                            failingSince: string | null;
                            /** @description until then the previous secret signs too */
                            previousSecretExpiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } & {
                            /** @description whsec_…: the signing secret, shown only in this response */
                            secret: string;
                        };
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
    "/v1/webhook-endpoints/{endpointId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the endpoint's events of a time range again (at most 31 days) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description deliveries created */
                            deliveries: number;
                        };
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
    "/v1/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook deliveries with their attempts, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                    endpointId?: string;
                    eventType?: string;
                    status?: "pending" | "delivered" | "dead";
                };
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
                            data: {
                                id: string;
                                /** @description null: a message's callbackUrl */
                                endpointId: string | null;
                                url: string;
                                /** @description the webhook-id header */
                                eventId: string;
                                eventType: string;
                                status: "pending" | "delivered" | "dead";
                                attempts: {
                                    attempt: number;
                                    /** Format: date-time */
                                    at: string;
                                    statusCode: number | null;
                                    latencyMs: number;
                                    error: string | null;
                                    /** @description the first 4 KiB of the answer */
                                    responseBody: string | null;
                                }[];
                                nextAttemptAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                endedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook delivery with its attempts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deliveryId: string;
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
                        "application/json": {
                            id: string;
                            /** @description null: a message's callbackUrl */
                            endpointId: string | null;
                            url: string;
                            /** @description the webhook-id header */
                            eventId: string;
                            eventType: string;
                            status: "pending" | "delivered" | "dead";
                            attempts: {
                                attempt: number;
                                /** Format: date-time */
                                at: string;
                                statusCode: number | null;
                                latencyMs: number;
                                error: string | null;
                                /** @description the first 4 KiB of the answer */
                                responseBody: string | null;
                            }[];
                            nextAttemptAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            endedAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now (same webhook-id) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description null: a message's callbackUrl */
                            endpointId: string | null;
                            url: string;
                            /** @description the webhook-id header */
                            eventId: string;
                            eventType: string;
                            status: "pending" | "delivered" | "dead";
                            attempts: {
                                attempt: number;
                                /** Format: date-time */
                                at: string;
                                statusCode: number | null;
                                latencyMs: number;
                                error: string | null;
                                /** @description the first 4 KiB of the answer */
                                responseBody: string | null;
                            }[];
                            nextAttemptAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            endedAt: string | null;
                        };
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
    "/v1/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the account's default webhook secret (signs callbackUrl deliveries); shown once */
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
                            /** @description shown once; null once it has been read (rotate for a new one) */
                            secret: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            revealedAt: string | null;
                            previousSecretExpiresAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Rotate the account's default webhook secret; the old one keeps signing for 24 hours */
        post: {
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
                            /** @description shown once; null once it has been read (rotate for a new one) */
                            secret: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            revealedAt: string | null;
                            previousSecretExpiresAt: string | null;
                        };
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
    "/v1/account/limit-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your account's limit requests */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                    status?: "pending" | "approved" | "rejected";
                };
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
                            data: {
                                id: string;
                                accountId: string;
                                /** @description null = no limit */
                                smsLimit: number | null;
                                reason: string | null;
                                status: "pending" | "approved" | "rejected";
                                /** Format: date-time */
                                createdAt: string;
                                decidedAt: string | null;
                                /** @description the operator's written approval */
                                approval: {
                                    by: string;
                                    text: string;
                                    reference: string | null;
                                    /** Format: date-time */
                                    at: string;
                                } | null;
                                decisionNote: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Ask for a different SMS limit (effective only once an operator approves it in writing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        smsLimit: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            /** @description null = no limit */
                            smsLimit: number | null;
                            reason: string | null;
                            status: "pending" | "approved" | "rejected";
                            /** Format: date-time */
                            createdAt: string;
                            decidedAt: string | null;
                            /** @description the operator's written approval */
                            approval: {
                                by: string;
                                text: string;
                                reference: string | null;
                                /** Format: date-time */
                                at: string;
                            } | null;
                            decisionNote: string | null;
                        };
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
    "/v1/account/spend-cap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Cap your rated spend per calendar month (UTC) and choose the alerts; at the cap messages are rejected (spend_cap) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description excluding VAT, in millionths of the currency unit; null = no cap */
                        monthlyCapMicros: number | null;
                        /** @description e.g. [50, 80]; 100 % always alerts */
                        alertPercents?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            status: "pending" | "active" | "suspended" | "closed";
                            isHouse: boolean;
                            smsBlocked: boolean;
                            trafficHold: boolean;
                            rateLimits: {
                                /** @description requests per second; null = unlimited */
                                perKey: number | null;
                                /** @description requests per second; null = unlimited */
                                perAccount: number | null;
                            };
                            sms: {
                                /** @description SMS allowed between settlements; null = no limit */
                                limit: number | null;
                                /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                used: number;
                            };
                            spend: {
                                /** @description monthly cap on rated spend, excluding VAT; null = none */
                                capMicros: number | null;
                                alertPercents: number[];
                                /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                month: string | null;
                                /** @description rated spend in that month */
                                monthMicros: number;
                            };
                            billing: {
                                /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                mode: "postpaid" | "prepaid";
                                /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                balance: {
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                /** @description deposit to hold (before boarding, or by its due date) */
                                depositRequired: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description held by this day, or messages are refused (deposit_overdue) */
                                    dueOn: string | null;
                                } | null;
                            };
                            /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                            boarding: {
                                /** Format: date-time */
                                acceptedAt: string;
                                signer: string;
                                text: string;
                                reference: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/limit-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Limit requests of every account (e.g. ?status=pending) */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                    status?: "pending" | "approved" | "rejected";
                };
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
                            data: {
                                id: string;
                                accountId: string;
                                /** @description null = no limit */
                                smsLimit: number | null;
                                reason: string | null;
                                status: "pending" | "approved" | "rejected";
                                /** Format: date-time */
                                createdAt: string;
                                decidedAt: string | null;
                                /** @description the operator's written approval */
                                approval: {
                                    by: string;
                                    text: string;
                                    reference: string | null;
                                    /** Format: date-time */
                                    at: string;
                                } | null;
                                decisionNote: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/limit-requests/{requestId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a limit request in writing; the limit applies at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the written approval, e.g. the signed order or email it rests on */
                        approvalText: string;
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            /** @description null = no limit */
                            smsLimit: number | null;
                            reason: string | null;
                            status: "pending" | "approved" | "rejected";
                            /** Format: date-time */
                            createdAt: string;
                            decidedAt: string | null;
                            /** @description the operator's written approval */
                            approval: {
                                by: string;
                                text: string;
                                reference: string | null;
                                /** Format: date-time */
                                at: string;
                            } | null;
                            decisionNote: string | null;
                        };
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
    "/v1/admin/limit-requests/{requestId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a limit request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            /** @description null = no limit */
                            smsLimit: number | null;
                            reason: string | null;
                            status: "pending" | "approved" | "rejected";
                            /** Format: date-time */
                            createdAt: string;
                            decidedAt: string | null;
                            /** @description the operator's written approval */
                            approval: {
                                by: string;
                                text: string;
                                reference: string | null;
                                /** Format: date-time */
                                at: string;
                            } | null;
                            decisionNote: string | null;
                        };
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
    "/v1/admin/accounts/{accountId}/sms-limit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change an account's SMS limit, with the written approval it rests on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        smsLimit: number | null;
                        /** @description the written approval, e.g. the signed order or email it rests on */
                        approvalText: string;
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            /** @description null = no limit */
                            smsLimit: number | null;
                            reason: string | null;
                            status: "pending" | "approved" | "rejected";
                            /** Format: date-time */
                            createdAt: string;
                            decidedAt: string | null;
                            /** @description the operator's written approval */
                            approval: {
                                by: string;
                                text: string;
                                reference: string | null;
                                /** Format: date-time */
                                at: string;
                            } | null;
                            decisionNote: string | null;
                        };
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
    "/v1/admin/accounts/{accountId}/settle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the account's usage is paid or covered: its SMS count starts again from zero */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description payment or deposit reference */
                        reference: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            status: "pending" | "active" | "suspended" | "closed";
                            isHouse: boolean;
                            smsBlocked: boolean;
                            trafficHold: boolean;
                            rateLimits: {
                                /** @description requests per second; null = unlimited */
                                perKey: number | null;
                                /** @description requests per second; null = unlimited */
                                perAccount: number | null;
                            };
                            sms: {
                                /** @description SMS allowed between settlements; null = no limit */
                                limit: number | null;
                                /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                used: number;
                            };
                            spend: {
                                /** @description monthly cap on rated spend, excluding VAT; null = none */
                                capMicros: number | null;
                                alertPercents: number[];
                                /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                month: string | null;
                                /** @description rated spend in that month */
                                monthMicros: number;
                            };
                            billing: {
                                /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                mode: "postpaid" | "prepaid";
                                /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                balance: {
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                /** @description deposit to hold (before boarding, or by its due date) */
                                depositRequired: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description held by this day, or messages are refused (deposit_overdue) */
                                    dueOn: string | null;
                                } | null;
                            };
                            /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                            boarding: {
                                /** Format: date-time */
                                acceptedAt: string;
                                signer: string;
                                text: string;
                                reference: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    "/v1/admin/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every price, list prices and agreements, by effective date */
        get: {
            parameters: {
                query?: {
                    accountId?: string;
                };
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
                            data: {
                                id: string;
                                /** @description null: the platform's list price */
                                accountId: string | null;
                                channel: string;
                                direction: string;
                                prefix: string;
                                connectorId: string | null;
                                category: string | null;
                                kind: "price" | "discount";
                                unitPriceMicros: number | null;
                                discountBasisPoints: number | null;
                                currency: string;
                                /** Format: date-time */
                                effectiveFrom: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a price (list price or an account agreement), effective from a date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountId?: string | null;
                        channel: "sms" | "whatsapp";
                        direction?: "outbound" | "inbound";
                        /** @description '+' for every destination, '+49', '+4915', … */
                        prefix: string;
                        connectorId?: string | null;
                        /** @description WhatsApp: the message category this price is for (templates by their category, replies in the window are service); null: any */
                        category?: "marketing" | "utility" | "authentication" | "service" | null;
                        /** @description per SMS part or WhatsApp message, excluding VAT, in millionths of the currency unit (€0.0725 = 72500) */
                        unitPriceMicros?: number;
                        /** @description an account's discount off the list price in force (1250 = 12.5 %) */
                        discountBasisPoints?: number;
                        currency: string;
                        /**
                         * Format: date-time
                         * @description default: now
                         */
                        effectiveFrom?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description null: the platform's list price */
                            accountId: string | null;
                            channel: string;
                            direction: string;
                            prefix: string;
                            connectorId: string | null;
                            category: string | null;
                            kind: "price" | "discount";
                            unitPriceMicros: number | null;
                            discountBasisPoints: number | null;
                            currency: string;
                            /** Format: date-time */
                            effectiveFrom: string;
                        };
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
    "/v1/admin/prices/{priceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a price that is not in force yet */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    priceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pricing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an SMS to this number with this text would cost (excluding VAT) */
        get: {
            parameters: {
                query: {
                    to: string;
                    body: string;
                };
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
                            to: string;
                            encoding: string;
                            segments: number;
                            unitPrice: {
                                amountMicros: number;
                                currency: string;
                            } | null;
                            /** @description null when no price applies */
                            total: {
                                amountMicros: number;
                                currency: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage summary (rated units and amounts, excluding VAT) grouped by day, channel or country */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    groupBy?: "day" | "channel" | "country";
                };
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
                            data: {
                                key: string;
                                units: number;
                                amountMicros: number;
                                currency: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billing/supplier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The supplier printed on invoices (you, the operator), which also decides domestic VAT */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        addressLines: string[];
                        /** @description ISO 3166-1 alpha-2 */
                        country: string;
                        vatId: string;
                        invoicePrefix?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/billing-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** An account's invoicing details; vatIdVerified records that you checked the VAT id */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        legalName: string;
                        addressLines: string[];
                        /** @description ISO 3166-1 alpha-2 */
                        country: string;
                        isBusiness: boolean;
                        vatId?: string | null;
                        vatIdVerified?: boolean;
                        email?: string | null;
                        paymentTermsDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/invoice-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invoice all usage before periodEnd (default: the start of this month, i.e. the monthly run) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        periodEnd?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            issued: {
                                accountId: string;
                                invoiceId: string;
                                number: string;
                                totalMinor: number;
                                currency: string;
                            }[];
                            skipped: {
                                accountId: string;
                                reason: string;
                            }[];
                        };
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
    "/v1/admin/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invoices, credit notes and interest notes, newest first */
        get: {
            parameters: {
                query?: {
                    accountId?: string;
                };
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
                            data: ({
                                id: string;
                                number: string;
                                /** @description interest_note: late interest and compensation charged on an invoice, without VAT */
                                kind: "invoice" | "credit_note" | "interest_note";
                                status: "open" | "partially_paid" | "paid" | "overdue";
                                creditedInvoiceId: string | null;
                                /** @description an interest note: the invoice paid late */
                                interestInvoiceId: string | null;
                                issueDate: string;
                                dueDate: string;
                                currency: string;
                                /** @description excluding VAT, in minor units */
                                netMinor: number;
                                vatMinor: number;
                                totalMinor: number;
                                paidMinor: number;
                                vat: {
                                    kind: string;
                                    rateBasisPoints: number;
                                    note: string | null;
                                };
                                lines: {
                                    description: string;
                                    quantity: number;
                                    unitPriceMinor: number;
                                    amountMinor: number;
                                }[];
                            } & {
                                accountId: string;
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/invoices/{invoiceId}/credit-note": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reverse an invoice in full with a credit note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invoiceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            number: string;
                            /** @description interest_note: late interest and compensation charged on an invoice, without VAT */
                            kind: "invoice" | "credit_note" | "interest_note";
                            status: "open" | "partially_paid" | "paid" | "overdue";
                            creditedInvoiceId: string | null;
                            /** @description an interest note: the invoice paid late */
                            interestInvoiceId: string | null;
                            issueDate: string;
                            dueDate: string;
                            currency: string;
                            /** @description excluding VAT, in minor units */
                            netMinor: number;
                            vatMinor: number;
                            totalMinor: number;
                            paidMinor: number;
                            vat: {
                                kind: string;
                                rateBasisPoints: number;
                                note: string | null;
                            };
                            lines: {
                                description: string;
                                quantity: number;
                                unitPriceMinor: number;
                                amountMinor: number;
                            }[];
                        };
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
    "/v1/admin/invoices/{invoiceId}/interest-note": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Charge the late interest an invoice accrued to today (and the fixed compensation, once) on an interest note without VAT; 409 when nothing is owed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invoiceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            number: string;
                            /** @description interest_note: late interest and compensation charged on an invoice, without VAT */
                            kind: "invoice" | "credit_note" | "interest_note";
                            status: "open" | "partially_paid" | "paid" | "overdue";
                            creditedInvoiceId: string | null;
                            /** @description an interest note: the invoice paid late */
                            interestInvoiceId: string | null;
                            issueDate: string;
                            dueDate: string;
                            currency: string;
                            /** @description excluding VAT, in minor units */
                            netMinor: number;
                            vatMinor: number;
                            totalMinor: number;
                            paidMinor: number;
                            vat: {
                                kind: string;
                                rateBasisPoints: number;
                                note: string | null;
                            };
                            lines: {
                                description: string;
                                quantity: number;
                                unitPriceMinor: number;
                                amountMinor: number;
                            }[];
                        };
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
    "/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your invoices, credit notes and interest notes, newest first */
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
                            data: {
                                id: string;
                                number: string;
                                /** @description interest_note: late interest and compensation charged on an invoice, without VAT */
                                kind: "invoice" | "credit_note" | "interest_note";
                                status: "open" | "partially_paid" | "paid" | "overdue";
                                creditedInvoiceId: string | null;
                                /** @description an interest note: the invoice paid late */
                                interestInvoiceId: string | null;
                                issueDate: string;
                                dueDate: string;
                                currency: string;
                                /** @description excluding VAT, in minor units */
                                netMinor: number;
                                vatMinor: number;
                                totalMinor: number;
                                paidMinor: number;
                                vat: {
                                    kind: string;
                                    rateBasisPoints: number;
                                    note: string | null;
                                };
                                lines: {
                                    description: string;
                                    quantity: number;
                                    unitPriceMinor: number;
                                    amountMinor: number;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{invoiceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An invoice */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invoiceId: string;
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
                        "application/json": {
                            id: string;
                            number: string;
                            /** @description interest_note: late interest and compensation charged on an invoice, without VAT */
                            kind: "invoice" | "credit_note" | "interest_note";
                            status: "open" | "partially_paid" | "paid" | "overdue";
                            creditedInvoiceId: string | null;
                            /** @description an interest note: the invoice paid late */
                            interestInvoiceId: string | null;
                            issueDate: string;
                            dueDate: string;
                            currency: string;
                            /** @description excluding VAT, in minor units */
                            netMinor: number;
                            vatMinor: number;
                            totalMinor: number;
                            paidMinor: number;
                            vat: {
                                kind: string;
                                rateBasisPoints: number;
                                note: string | null;
                            };
                            lines: {
                                description: string;
                                quantity: number;
                                unitPriceMinor: number;
                                amountMinor: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invoices/{invoiceId}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An invoice as PDF (rendered from the issued document, byte for byte the same each time) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invoiceId: string;
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
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a payment; it pays the account's oldest open invoices first */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountId: string;
                        amountMinor: number;
                        currency: string;
                        /** Format: date */
                        receivedOn: string;
                        reference: string;
                        method: "bank_transfer" | "card" | "direct_debit" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            allocations: {
                                invoiceId: string;
                                number: string;
                                amountMinor: number;
                            }[];
                            /** @description kept as credit */
                            unallocatedMinor: number;
                            /** @description nothing open or unbilled any more: the SMS count restarted */
                            settled: boolean;
                        };
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
    "/v1/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open invoices and interest notes, with the late-payment interest accrued to date and not yet charged on an interest note */
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
                            currency: string | null;
                            outstandingMinor: number;
                            interestMinor: number;
                            compensationMinor: number;
                            lines: {
                                invoiceId: string;
                                number: string;
                                dueDate: string;
                                totalMinor: number;
                                paidMinor: number;
                                outstandingMinor: number;
                                daysOverdue: number;
                                interestMinor: number;
                                /** @description EUR 40 per late EUR invoice for business customers (2011/7/EU Art. 6), until charged on an interest note */
                                compensationMinor: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/billing-mode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Postpaid (invoiced monthly, SMS limit applies) or prepaid (pays from bought credit, refused at zero) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mode: "postpaid" | "prepaid";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/top-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sell prepaid credit: issues an invoice for the amount (plus VAT); paying it in full credits the balance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amountMinor: number;
                        currency: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invoiceId: string;
                            number: string;
                            /** @description including VAT */
                            totalMinor: number;
                        };
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
    "/v1/admin/accounts/{accountId}/deposit-requirement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Demand a deposit (null: none). Before boarding it is a condition of activation; on an account in service it is due by dueOn (default: the payment terms from today), the client is notified, and after that day its messages are refused (deposit_overdue) until it is held */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        required: {
                            amountMinor: number;
                            currency: string;
                            /**
                             * Format: date
                             * @description the last day to pay; today or later
                             */
                            dueOn?: string;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's deposits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
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
                        "application/json": {
                            data: {
                                id: string;
                                amountMinor: number;
                                currency: string;
                                receivedOn: string;
                                reference: string;
                                method: string;
                                status: "held" | "refunded";
                                createdAt: string;
                                refundedAt: string | null;
                                refundNote: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a deposit received (held as security; it also covers unbilled usage for settlement) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amountMinor: number;
                        currency: string;
                        /** Format: date */
                        receivedOn: string;
                        reference: string;
                        method: "bank_transfer" | "card" | "direct_debit" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deposit: {
                                id: string;
                                amountMinor: number;
                                currency: string;
                                receivedOn: string;
                                reference: string;
                                method: string;
                                status: "held" | "refunded";
                                createdAt: string;
                                refundedAt: string | null;
                                refundNote: string | null;
                            };
                            /** @description the deposit covered the unbilled usage: the SMS count restarted */
                            settled: boolean;
                        };
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
    "/v1/admin/accounts/{accountId}/deposits/{depositId}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a deposit refunded (after paying it back) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    depositId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            amountMinor: number;
                            currency: string;
                            receivedOn: string;
                            reference: string;
                            method: string;
                            status: "held" | "refunded";
                            createdAt: string;
                            refundedAt: string | null;
                            refundNote: string | null;
                        };
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
    "/v1/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your billing mode, prepaid credit and deposits */
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
                            mode: "postpaid" | "prepaid";
                            balance: {
                                /** @description excluding VAT; at or below zero messages are refused */
                                amountMicros: number;
                                currency: string;
                            } | null;
                            deposits: {
                                required: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description the last day to pay; null: a condition of boarding */
                                    dueOn: string | null;
                                    /** @description past dueOn and not held in full: messages are refused (deposit_overdue) */
                                    overdue: boolean;
                                } | null;
                                held: {
                                    amountMinor: number;
                                    currency: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billing/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rates in force: shipped tables plus your changes */
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
                            vat: {
                                [key: string]: {
                                    from: string;
                                    standardRateBasisPoints: number;
                                }[];
                            };
                            lateInterest: {
                                /** @description the supplier country (ISO 3166-1 alpha-2), or EA: the default for the euro area */
                                jurisdiction: string;
                                referenceRateName: string;
                                legalBasis: string;
                                /** @description added to the reference rate between businesses */
                                marginBasisPoints: number;
                                referenceRates: {
                                    validFrom: string;
                                    rateBasisPoints: number;
                                }[];
                            }[];
                            consumerLateRateBasisPoints: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billing/vat-rates/{country}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a country's standard VAT rate from a date (a new period, or a correction of the period starting that day) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    country: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        effectiveFrom: string;
                        /** @description hundredths of a percent: 2150 = 21.5 % */
                        standardRateBasisPoints: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billing/late-interest/{jurisdiction}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** A supplier jurisdiction's late-interest rule between businesses: its reference rate and the margin its law adds */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the supplier country (ISO 3166-1 alpha-2), or EA for the euro-area default */
                    jurisdiction: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        referenceRateName: string;
                        legalBasis: string;
                        /** @description hundredths of a percent: 2150 = 21.5 % */
                        marginBasisPoints: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billing/late-interest/{jurisdiction}/reference-rates/{validFrom}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The jurisdiction's reference rate from a date until the next one; each half-year's interest uses the rate in force on its first day */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the supplier country (ISO 3166-1 alpha-2), or EA for the euro-area default */
                    jurisdiction: string;
                    validFrom: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description may be negative (the Basiszinssatz was, 2013-2022) */
                        rateBasisPoints: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billing/reference-rates/{halfYearStart}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Kept for existing callers: the euro-area (EA) reference rate from that half-year (PUT .../late-interest/EA/reference-rates/{validFrom}) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    halfYearStart: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description may be negative (the Basiszinssatz was, 2013-2022) */
                        rateBasisPoints: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billing/consumer-late-rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The statutory yearly late-payment rate for consumers (no flat fee applies to them) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description hundredths of a percent: 2150 = 21.5 % */
                        rateBasisPoints: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/company": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your company details and what boarding still needs */
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
                            legalName: string;
                            addressLines: string[];
                            country: string;
                            vatId: string | null;
                            contact: {
                                name: string;
                                email: string;
                                phone: string | null;
                            };
                            businessUseDeclaredAt: string | null;
                            /** @description enough for boarding */
                            complete: boolean;
                            missing: {
                                pointer: string;
                                detail: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** Give or correct your company details (needed before an operator can activate the account) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        legalName: string;
                        addressLines: string[];
                        /** @description ISO 3166-1 alpha-2 */
                        country: string;
                        vatId?: string | null;
                        contact: {
                            name: string;
                            /** Format: email */
                            email: string;
                            phone?: string | null;
                        };
                        /** @description you declare that you use the services for business purposes (the terms require it) */
                        businessUse: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            legalName: string;
                            addressLines: string[];
                            country: string;
                            vatId: string | null;
                            contact: {
                                name: string;
                                email: string;
                                phone: string | null;
                            };
                            businessUseDeclaredAt: string | null;
                            /** @description enough for boarding */
                            complete: boolean;
                            missing: {
                                pointer: string;
                                detail: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/company": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's company details */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
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
                        "application/json": {
                            legalName: string;
                            addressLines: string[];
                            country: string;
                            vatId: string | null;
                            contact: {
                                name: string;
                                email: string;
                                phone: string | null;
                            };
                            businessUseDeclaredAt: string | null;
                            /** @description enough for boarding */
                            complete: boolean;
                            missing: {
                                pointer: string;
                                detail: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** Enter or correct an account's company details (e.g. from a signed form) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        legalName: string;
                        addressLines: string[];
                        /** @description ISO 3166-1 alpha-2 */
                        country: string;
                        vatId?: string | null;
                        contact: {
                            name: string;
                            /** Format: email */
                            email: string;
                            phone?: string | null;
                        };
                        /** @description you declare that you use the services for business purposes (the terms require it) */
                        businessUse: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            legalName: string;
                            addressLines: string[];
                            country: string;
                            vatId: string | null;
                            contact: {
                                name: string;
                                email: string;
                                phone: string | null;
                            };
                            businessUseDeclaredAt: string | null;
                            /** @description enough for boarding */
                            complete: boolean;
                            missing: {
                                pointer: string;
                                detail: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your orders: your requests and the offers drafted for you */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                    status?: "draft" | "requested" | "accepted" | "rejected" | "canceled";
                };
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
                            data: {
                                id: string;
                                accountId: string;
                                status: "draft" | "requested" | "accepted" | "rejected" | "canceled";
                                items: ({
                                    /** @enum {string} */
                                    kind: "sms_limit";
                                    /** @description null: no limit */
                                    smsLimit: number | null;
                                } | {
                                    /** @enum {string} */
                                    kind: "number";
                                    /** @description E.164 number or short code */
                                    number: string;
                                    channels: ("sms" | "whatsapp")[];
                                } | {
                                    /** @enum {string} */
                                    kind: "connector_access";
                                    connectorId: string;
                                    /** @description "+" for every destination */
                                    prefix?: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "price";
                                    channel: "sms" | "whatsapp";
                                    direction?: "outbound" | "inbound";
                                    /** @description "+" for every destination */
                                    prefix: string;
                                    /** @description fixed price per unit, excluding VAT, untouched by list price changes */
                                    unitPriceMicros: number;
                                    currency: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "deposit";
                                    amountMinor: number;
                                    currency: string;
                                    /**
                                     * Format: date
                                     * @description the last day to pay (default: the payment terms from acceptance)
                                     */
                                    dueOn?: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "fee";
                                    description: string;
                                    quantity: number;
                                    unitPriceMinor: number;
                                    currency: string;
                                })[];
                                note: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description when the client placed the order (its request, or its confirmation of a draft); null for a draft */
                                placedAt: string | null;
                                decidedAt: string | null;
                                /** @description the operator's written acceptance that made the order binding */
                                acceptance: {
                                    text: string;
                                    signer: string;
                                    reference: string | null;
                                } | null;
                                decisionNote: string | null;
                                effects: {
                                    item: number;
                                    kind: string;
                                    detail: string;
                                    id?: string;
                                }[] | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Request services (binding only once an operator accepts it in writing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: ({
                            /** @enum {string} */
                            kind: "sms_limit";
                            /** @description null: no limit */
                            smsLimit: number | null;
                        } | {
                            /** @enum {string} */
                            kind: "number";
                            /** @description E.164 number or short code */
                            number: string;
                            channels: ("sms" | "whatsapp")[];
                        } | {
                            /** @enum {string} */
                            kind: "connector_access";
                            connectorId: string;
                            /** @description "+" for every destination */
                            prefix?: string;
                        } | {
                            /** @enum {string} */
                            kind: "price";
                            channel: "sms" | "whatsapp";
                            direction?: "outbound" | "inbound";
                            /** @description "+" for every destination */
                            prefix: string;
                            /** @description fixed price per unit, excluding VAT, untouched by list price changes */
                            unitPriceMicros: number;
                            currency: string;
                        } | {
                            /** @enum {string} */
                            kind: "deposit";
                            amountMinor: number;
                            currency: string;
                            /**
                             * Format: date
                             * @description the last day to pay (default: the payment terms from acceptance)
                             */
                            dueOn?: string;
                        } | {
                            /** @enum {string} */
                            kind: "fee";
                            description: string;
                            quantity: number;
                            unitPriceMinor: number;
                            currency: string;
                        })[];
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            status: "draft" | "requested" | "accepted" | "rejected" | "canceled";
                            items: ({
                                /** @enum {string} */
                                kind: "sms_limit";
                                /** @description null: no limit */
                                smsLimit: number | null;
                            } | {
                                /** @enum {string} */
                                kind: "number";
                                /** @description E.164 number or short code */
                                number: string;
                                channels: ("sms" | "whatsapp")[];
                            } | {
                                /** @enum {string} */
                                kind: "connector_access";
                                connectorId: string;
                                /** @description "+" for every destination */
                                prefix?: string;
                            } | {
                                /** @enum {string} */
                                kind: "price";
                                channel: "sms" | "whatsapp";
                                direction?: "outbound" | "inbound";
                                /** @description "+" for every destination */
                                prefix: string;
                                /** @description fixed price per unit, excluding VAT, untouched by list price changes */
                                unitPriceMicros: number;
                                currency: string;
                            } | {
                                /** @enum {string} */
                                kind: "deposit";
                                amountMinor: number;
                                currency: string;
                                /**
                                 * Format: date
                                 * @description the last day to pay (default: the payment terms from acceptance)
                                 */
                                dueOn?: string;
                            } | {
                                /** @enum {string} */
                                kind: "fee";
                                description: string;
                                quantity: number;
                                unitPriceMinor: number;
                                currency: string;
                            })[];
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description when the client placed the order (its request, or its confirmation of a draft); null for a draft */
                            placedAt: string | null;
                            decidedAt: string | null;
                            /** @description the operator's written acceptance that made the order binding */
                            acceptance: {
                                text: string;
                                signer: string;
                                reference: string | null;
                            } | null;
                            decisionNote: string | null;
                            effects: {
                                item: number;
                                kind: string;
                                detail: string;
                                id?: string;
                            }[] | null;
                        };
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
    "/v1/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
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
                        "application/json": {
                            id: string;
                            accountId: string;
                            status: "draft" | "requested" | "accepted" | "rejected" | "canceled";
                            items: ({
                                /** @enum {string} */
                                kind: "sms_limit";
                                /** @description null: no limit */
                                smsLimit: number | null;
                            } | {
                                /** @enum {string} */
                                kind: "number";
                                /** @description E.164 number or short code */
                                number: string;
                                channels: ("sms" | "whatsapp")[];
                            } | {
                                /** @enum {string} */
                                kind: "connector_access";
                                connectorId: string;
                                /** @description "+" for every destination */
                                prefix?: string;
                            } | {
                                /** @enum {string} */
                                kind: "price";
                                channel: "sms" | "whatsapp";
                                direction?: "outbound" | "inbound";
                                /** @description "+" for every destination */
                                prefix: string;
                                /** @description fixed price per unit, excluding VAT, untouched by list price changes */
                                unitPriceMicros: number;
                                currency: string;
                            } | {
                                /** @enum {string} */
                                kind: "deposit";
                                amountMinor: number;
                                currency: string;
                                /**
                                 * Format: date
                                 * @description the last day to pay (default: the payment terms from acceptance)
                                 */
                                dueOn?: string;
                            } | {
                                /** @enum {string} */
                                kind: "fee";
                                description: string;
                                quantity: number;
                                unitPriceMinor: number;
                                currency: string;
                            })[];
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description when the client placed the order (its request, or its confirmation of a draft); null for a draft */
                            placedAt: string | null;
                            decidedAt: string | null;
                            /** @description the operator's written acceptance that made the order binding */
                            acceptance: {
                                text: string;
                                signer: string;
                                reference: string | null;
                            } | null;
                            decisionNote: string | null;
                            effects: {
                                item: number;
                                kind: string;
                                detail: string;
                                id?: string;
                            }[] | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{orderId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Place a draft an operator offered you as your order (it binds once the operator accepts it in writing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
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
                        "application/json": {
                            id: string;
                            accountId: string;
                            status: "draft" | "requested" | "accepted" | "rejected" | "canceled";
                            items: ({
                                /** @enum {string} */
                                kind: "sms_limit";
                                /** @description null: no limit */
                                smsLimit: number | null;
                            } | {
                                /** @enum {string} */
                                kind: "number";
                                /** @description E.164 number or short code */
                                number: string;
                                channels: ("sms" | "whatsapp")[];
                            } | {
                                /** @enum {string} */
                                kind: "connector_access";
                                connectorId: string;
                                /** @description "+" for every destination */
                                prefix?: string;
                            } | {
                                /** @enum {string} */
                                kind: "price";
                                channel: "sms" | "whatsapp";
                                direction?: "outbound" | "inbound";
                                /** @description "+" for every destination */
                                prefix: string;
                                /** @description fixed price per unit, excluding VAT, untouched by list price changes */
                                unitPriceMicros: number;
                                currency: string;
                            } | {
                                /** @enum {string} */
                                kind: "deposit";
                                amountMinor: number;
                                currency: string;
                                /**
                                 * Format: date
                                 * @description the last day to pay (default: the payment terms from acceptance)
                                 */
                                dueOn?: string;
                            } | {
                                /** @enum {string} */
                                kind: "fee";
                                description: string;
                                quantity: number;
                                unitPriceMinor: number;
                                currency: string;
                            })[];
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description when the client placed the order (its request, or its confirmation of a draft); null for a draft */
                            placedAt: string | null;
                            decidedAt: string | null;
                            /** @description the operator's written acceptance that made the order binding */
                            acceptance: {
                                text: string;
                                signer: string;
                                reference: string | null;
                            } | null;
                            decisionNote: string | null;
                            effects: {
                                item: number;
                                kind: string;
                                detail: string;
                                id?: string;
                            }[] | null;
                        };
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
    "/v1/orders/{orderId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a request or decline a draft before an operator accepts it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
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
                        "application/json": {
                            id: string;
                            accountId: string;
                            status: "draft" | "requested" | "accepted" | "rejected" | "canceled";
                            items: ({
                                /** @enum {string} */
                                kind: "sms_limit";
                                /** @description null: no limit */
                                smsLimit: number | null;
                            } | {
                                /** @enum {string} */
                                kind: "number";
                                /** @description E.164 number or short code */
                                number: string;
                                channels: ("sms" | "whatsapp")[];
                            } | {
                                /** @enum {string} */
                                kind: "connector_access";
                                connectorId: string;
                                /** @description "+" for every destination */
                                prefix?: string;
                            } | {
                                /** @enum {string} */
                                kind: "price";
                                channel: "sms" | "whatsapp";
                                direction?: "outbound" | "inbound";
                                /** @description "+" for every destination */
                                prefix: string;
                                /** @description fixed price per unit, excluding VAT, untouched by list price changes */
                                unitPriceMicros: number;
                                currency: string;
                            } | {
                                /** @enum {string} */
                                kind: "deposit";
                                amountMinor: number;
                                currency: string;
                                /**
                                 * Format: date
                                 * @description the last day to pay (default: the payment terms from acceptance)
                                 */
                                dueOn?: string;
                            } | {
                                /** @enum {string} */
                                kind: "fee";
                                description: string;
                                quantity: number;
                                unitPriceMinor: number;
                                currency: string;
                            })[];
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description when the client placed the order (its request, or its confirmation of a draft); null for a draft */
                            placedAt: string | null;
                            decidedAt: string | null;
                            /** @description the operator's written acceptance that made the order binding */
                            acceptance: {
                                text: string;
                                signer: string;
                                reference: string | null;
                            } | null;
                            decisionNote: string | null;
                            effects: {
                                item: number;
                                kind: string;
                                detail: string;
                                id?: string;
                            }[] | null;
                        };
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
    "/v1/admin/accounts/{accountId}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draft an order for an account (an offer: nothing changes until the client confirms it and you accept it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: ({
                            /** @enum {string} */
                            kind: "sms_limit";
                            /** @description null: no limit */
                            smsLimit: number | null;
                        } | {
                            /** @enum {string} */
                            kind: "number";
                            /** @description E.164 number or short code */
                            number: string;
                            channels: ("sms" | "whatsapp")[];
                        } | {
                            /** @enum {string} */
                            kind: "connector_access";
                            connectorId: string;
                            /** @description "+" for every destination */
                            prefix?: string;
                        } | {
                            /** @enum {string} */
                            kind: "price";
                            channel: "sms" | "whatsapp";
                            direction?: "outbound" | "inbound";
                            /** @description "+" for every destination */
                            prefix: string;
                            /** @description fixed price per unit, excluding VAT, untouched by list price changes */
                            unitPriceMicros: number;
                            currency: string;
                        } | {
                            /** @enum {string} */
                            kind: "deposit";
                            amountMinor: number;
                            currency: string;
                            /**
                             * Format: date
                             * @description the last day to pay (default: the payment terms from acceptance)
                             */
                            dueOn?: string;
                        } | {
                            /** @enum {string} */
                            kind: "fee";
                            description: string;
                            quantity: number;
                            unitPriceMinor: number;
                            currency: string;
                        })[];
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            status: "draft" | "requested" | "accepted" | "rejected" | "canceled";
                            items: ({
                                /** @enum {string} */
                                kind: "sms_limit";
                                /** @description null: no limit */
                                smsLimit: number | null;
                            } | {
                                /** @enum {string} */
                                kind: "number";
                                /** @description E.164 number or short code */
                                number: string;
                                channels: ("sms" | "whatsapp")[];
                            } | {
                                /** @enum {string} */
                                kind: "connector_access";
                                connectorId: string;
                                /** @description "+" for every destination */
                                prefix?: string;
                            } | {
                                /** @enum {string} */
                                kind: "price";
                                channel: "sms" | "whatsapp";
                                direction?: "outbound" | "inbound";
                                /** @description "+" for every destination */
                                prefix: string;
                                /** @description fixed price per unit, excluding VAT, untouched by list price changes */
                                unitPriceMicros: number;
                                currency: string;
                            } | {
                                /** @enum {string} */
                                kind: "deposit";
                                amountMinor: number;
                                currency: string;
                                /**
                                 * Format: date
                                 * @description the last day to pay (default: the payment terms from acceptance)
                                 */
                                dueOn?: string;
                            } | {
                                /** @enum {string} */
                                kind: "fee";
                                description: string;
                                quantity: number;
                                unitPriceMinor: number;
                                currency: string;
                            })[];
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description when the client placed the order (its request, or its confirmation of a draft); null for a draft */
                            placedAt: string | null;
                            decidedAt: string | null;
                            /** @description the operator's written acceptance that made the order binding */
                            acceptance: {
                                text: string;
                                signer: string;
                                reference: string | null;
                            } | null;
                            decisionNote: string | null;
                            effects: {
                                item: number;
                                kind: string;
                                detail: string;
                                id?: string;
                            }[] | null;
                        };
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
    "/v1/admin/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders of every account (e.g. ?status=requested for the approval queue) */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                    status?: "draft" | "requested" | "accepted" | "rejected" | "canceled";
                    accountId?: string;
                };
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
                            data: {
                                id: string;
                                accountId: string;
                                status: "draft" | "requested" | "accepted" | "rejected" | "canceled";
                                items: ({
                                    /** @enum {string} */
                                    kind: "sms_limit";
                                    /** @description null: no limit */
                                    smsLimit: number | null;
                                } | {
                                    /** @enum {string} */
                                    kind: "number";
                                    /** @description E.164 number or short code */
                                    number: string;
                                    channels: ("sms" | "whatsapp")[];
                                } | {
                                    /** @enum {string} */
                                    kind: "connector_access";
                                    connectorId: string;
                                    /** @description "+" for every destination */
                                    prefix?: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "price";
                                    channel: "sms" | "whatsapp";
                                    direction?: "outbound" | "inbound";
                                    /** @description "+" for every destination */
                                    prefix: string;
                                    /** @description fixed price per unit, excluding VAT, untouched by list price changes */
                                    unitPriceMicros: number;
                                    currency: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "deposit";
                                    amountMinor: number;
                                    currency: string;
                                    /**
                                     * Format: date
                                     * @description the last day to pay (default: the payment terms from acceptance)
                                     */
                                    dueOn?: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "fee";
                                    description: string;
                                    quantity: number;
                                    unitPriceMinor: number;
                                    currency: string;
                                })[];
                                note: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description when the client placed the order (its request, or its confirmation of a draft); null for a draft */
                                placedAt: string | null;
                                decidedAt: string | null;
                                /** @description the operator's written acceptance that made the order binding */
                                acceptance: {
                                    text: string;
                                    signer: string;
                                    reference: string | null;
                                } | null;
                                decisionNote: string | null;
                                effects: {
                                    item: number;
                                    kind: string;
                                    detail: string;
                                    id?: string;
                                }[] | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/orders/{orderId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an order the client placed, in writing: it becomes binding and takes effect at once (all items or none); a draft the client has not confirmed is 409 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        acceptance: {
                            text: string;
                            signer: string;
                            reference?: string | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            status: "draft" | "requested" | "accepted" | "rejected" | "canceled";
                            items: ({
                                /** @enum {string} */
                                kind: "sms_limit";
                                /** @description null: no limit */
                                smsLimit: number | null;
                            } | {
                                /** @enum {string} */
                                kind: "number";
                                /** @description E.164 number or short code */
                                number: string;
                                channels: ("sms" | "whatsapp")[];
                            } | {
                                /** @enum {string} */
                                kind: "connector_access";
                                connectorId: string;
                                /** @description "+" for every destination */
                                prefix?: string;
                            } | {
                                /** @enum {string} */
                                kind: "price";
                                channel: "sms" | "whatsapp";
                                direction?: "outbound" | "inbound";
                                /** @description "+" for every destination */
                                prefix: string;
                                /** @description fixed price per unit, excluding VAT, untouched by list price changes */
                                unitPriceMicros: number;
                                currency: string;
                            } | {
                                /** @enum {string} */
                                kind: "deposit";
                                amountMinor: number;
                                currency: string;
                                /**
                                 * Format: date
                                 * @description the last day to pay (default: the payment terms from acceptance)
                                 */
                                dueOn?: string;
                            } | {
                                /** @enum {string} */
                                kind: "fee";
                                description: string;
                                quantity: number;
                                unitPriceMinor: number;
                                currency: string;
                            })[];
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description when the client placed the order (its request, or its confirmation of a draft); null for a draft */
                            placedAt: string | null;
                            decidedAt: string | null;
                            /** @description the operator's written acceptance that made the order binding */
                            acceptance: {
                                text: string;
                                signer: string;
                                reference: string | null;
                            } | null;
                            decisionNote: string | null;
                            effects: {
                                item: number;
                                kind: string;
                                detail: string;
                                id?: string;
                            }[] | null;
                        };
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
    "/v1/admin/orders/{orderId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject an order */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            status: "draft" | "requested" | "accepted" | "rejected" | "canceled";
                            items: ({
                                /** @enum {string} */
                                kind: "sms_limit";
                                /** @description null: no limit */
                                smsLimit: number | null;
                            } | {
                                /** @enum {string} */
                                kind: "number";
                                /** @description E.164 number or short code */
                                number: string;
                                channels: ("sms" | "whatsapp")[];
                            } | {
                                /** @enum {string} */
                                kind: "connector_access";
                                connectorId: string;
                                /** @description "+" for every destination */
                                prefix?: string;
                            } | {
                                /** @enum {string} */
                                kind: "price";
                                channel: "sms" | "whatsapp";
                                direction?: "outbound" | "inbound";
                                /** @description "+" for every destination */
                                prefix: string;
                                /** @description fixed price per unit, excluding VAT, untouched by list price changes */
                                unitPriceMicros: number;
                                currency: string;
                            } | {
                                /** @enum {string} */
                                kind: "deposit";
                                amountMinor: number;
                                currency: string;
                                /**
                                 * Format: date
                                 * @description the last day to pay (default: the payment terms from acceptance)
                                 */
                                dueOn?: string;
                            } | {
                                /** @enum {string} */
                                kind: "fee";
                                description: string;
                                quantity: number;
                                unitPriceMinor: number;
                                currency: string;
                            })[];
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description when the client placed the order (its request, or its confirmation of a draft); null for a draft */
                            placedAt: string | null;
                            decidedAt: string | null;
                            /** @description the operator's written acceptance that made the order binding */
                            acceptance: {
                                text: string;
                                signer: string;
                                reference: string | null;
                            } | null;
                            decisionNote: string | null;
                            effects: {
                                item: number;
                                kind: string;
                                detail: string;
                                id?: string;
                            }[] | null;
                        };
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
    "/v1/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Privacy policy and terms versions you were notified of, with your status and objection deadline */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
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
                            data: {
                                id: string;
                                kind: "privacy_policy" | "terms";
                                version: string;
                                title: string;
                                summaryOfChanges: string;
                                /** Format: date-time */
                                effectiveAt: string;
                                /** Format: date-time */
                                publishedAt: string;
                                notice: {
                                    /** @description publication: notified when it was published; account_created: part of the contract from the start */
                                    source: "publication" | "account_created";
                                    status: "pending" | "accepted" | "objected" | "deemed_accepted";
                                    /** Format: date-time */
                                    notifiedAt: string;
                                    /**
                                     * Format: date-time
                                     * @description a written objection is recorded only before this time
                                     */
                                    objectionDeadline: string;
                                    decidedAt: string | null;
                                    signer: string | null;
                                    /** @description the written objection */
                                    objection: string | null;
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/{policyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A policy version with its full text and your status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    policyId: string;
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
                        "application/json": {
                            id: string;
                            kind: "privacy_policy" | "terms";
                            version: string;
                            title: string;
                            summaryOfChanges: string;
                            /** Format: date-time */
                            effectiveAt: string;
                            /** Format: date-time */
                            publishedAt: string;
                            /** @description the full text, markdown */
                            text: string;
                            notice: {
                                /** @description publication: notified when it was published; account_created: part of the contract from the start */
                                source: "publication" | "account_created";
                                status: "pending" | "accepted" | "objected" | "deemed_accepted";
                                /** Format: date-time */
                                notifiedAt: string;
                                /**
                                 * Format: date-time
                                 * @description a written objection is recorded only before this time
                                 */
                                objectionDeadline: string;
                                decidedAt: string | null;
                                signer: string | null;
                                /** @description the written objection */
                                objection: string | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/{policyId}/objection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Object in writing to a policy version, before its objection deadline (an earlier acceptance does not prevent it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    policyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description your objection as written */
                        text: string;
                        /** @description who signs for your company */
                        signer: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "privacy_policy" | "terms";
                            version: string;
                            title: string;
                            summaryOfChanges: string;
                            /** Format: date-time */
                            effectiveAt: string;
                            /** Format: date-time */
                            publishedAt: string;
                            /** @description the full text, markdown */
                            text: string;
                            notice: {
                                /** @description publication: notified when it was published; account_created: part of the contract from the start */
                                source: "publication" | "account_created";
                                status: "pending" | "accepted" | "objected" | "deemed_accepted";
                                /** Format: date-time */
                                notifiedAt: string;
                                /**
                                 * Format: date-time
                                 * @description a written objection is recorded only before this time
                                 */
                                objectionDeadline: string;
                                decidedAt: string | null;
                                signer: string | null;
                                /** @description the written objection */
                                objection: string | null;
                            };
                        };
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
    "/v1/policies/{policyId}/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a policy version explicitly, before its objection deadline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    policyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description who signs for your company */
                        signer: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "privacy_policy" | "terms";
                            version: string;
                            title: string;
                            summaryOfChanges: string;
                            /** Format: date-time */
                            effectiveAt: string;
                            /** Format: date-time */
                            publishedAt: string;
                            /** @description the full text, markdown */
                            text: string;
                            notice: {
                                /** @description publication: notified when it was published; account_created: part of the contract from the start */
                                source: "publication" | "account_created";
                                status: "pending" | "accepted" | "objected" | "deemed_accepted";
                                /** Format: date-time */
                                notifiedAt: string;
                                /**
                                 * Format: date-time
                                 * @description a written objection is recorded only before this time
                                 */
                                objectionDeadline: string;
                                decidedAt: string | null;
                                signer: string | null;
                                /** @description the written objection */
                                objection: string | null;
                            };
                        };
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
    "/v1/admin/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published policy versions with their accounts by status */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
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
                            data: {
                                id: string;
                                kind: "privacy_policy" | "terms";
                                version: string;
                                title: string;
                                summaryOfChanges: string;
                                /** Format: date-time */
                                effectiveAt: string;
                                /** Format: date-time */
                                publishedAt: string;
                                /** @description client accounts by the status of their notice of this version */
                                accounts: {
                                    pending: number;
                                    accepted: number;
                                    objected: number;
                                    deemedAccepted: number;
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Publish a privacy policy or terms version: every client account is notified and has one calendar month to object */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: "privacy_policy" | "terms";
                        /** @description e.g. 2026-12; unique per kind */
                        version: string;
                        title: string;
                        /** @description the full text, markdown */
                        text: string;
                        /** @description what changes, for the notification */
                        summaryOfChanges: string;
                        /**
                         * Format: date-time
                         * @description not before one calendar month from now, the end of the objection period
                         */
                        effectiveAt: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "privacy_policy" | "terms";
                            version: string;
                            title: string;
                            summaryOfChanges: string;
                            /** Format: date-time */
                            effectiveAt: string;
                            /** Format: date-time */
                            publishedAt: string;
                            /** @description the full text, markdown */
                            text: string;
                            /** @description client accounts by the status of their notice of this version */
                            accounts: {
                                pending: number;
                                accepted: number;
                                objected: number;
                                deemedAccepted: number;
                            };
                        };
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
    "/v1/admin/policies/{policyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A policy version with its text and its accounts by status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    policyId: string;
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
                        "application/json": {
                            id: string;
                            kind: "privacy_policy" | "terms";
                            version: string;
                            title: string;
                            summaryOfChanges: string;
                            /** Format: date-time */
                            effectiveAt: string;
                            /** Format: date-time */
                            publishedAt: string;
                            /** @description the full text, markdown */
                            text: string;
                            /** @description client accounts by the status of their notice of this version */
                            accounts: {
                                pending: number;
                                accepted: number;
                                objected: number;
                                deemedAccepted: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/policies/{policyId}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The written objections to a policy version, by account */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path: {
                    policyId: string;
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
                        "application/json": {
                            data: {
                                accountId: string;
                                accountName: string;
                                text: string;
                                signer: string;
                                /** Format: date-time */
                                objectedAt: string;
                                /** @description the API key or user that recorded it */
                                objectedBy: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/traffic-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kill switch: stop all of an account's traffic now (new sends 403, waiting messages held, nothing more submitted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description why; kept in the audit log */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            status: "pending" | "active" | "suspended" | "closed";
                            isHouse: boolean;
                            smsBlocked: boolean;
                            trafficHold: boolean;
                            rateLimits: {
                                /** @description requests per second; null = unlimited */
                                perKey: number | null;
                                /** @description requests per second; null = unlimited */
                                perAccount: number | null;
                            };
                            sms: {
                                /** @description SMS allowed between settlements; null = no limit */
                                limit: number | null;
                                /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                used: number;
                            };
                            spend: {
                                /** @description monthly cap on rated spend, excluding VAT; null = none */
                                capMicros: number | null;
                                alertPercents: number[];
                                /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                month: string | null;
                                /** @description rated spend in that month */
                                monthMicros: number;
                            };
                            billing: {
                                /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                mode: "postpaid" | "prepaid";
                                /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                balance: {
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                /** @description deposit to hold (before boarding, or by its due date) */
                                depositRequired: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description held by this day, or messages are refused (deposit_overdue) */
                                    dueOn: string | null;
                                } | null;
                            };
                            /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                            boarding: {
                                /** Format: date-time */
                                acceptedAt: string;
                                signer: string;
                                text: string;
                                reference: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Release the kill switch: held messages go back to the queue, each exactly once */
        delete: {
            parameters: {
                query?: {
                    reason?: string;
                };
                header?: never;
                path: {
                    accountId: string;
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
                        "application/json": {
                            id: string;
                            name: string;
                            status: "pending" | "active" | "suspended" | "closed";
                            isHouse: boolean;
                            smsBlocked: boolean;
                            trafficHold: boolean;
                            rateLimits: {
                                /** @description requests per second; null = unlimited */
                                perKey: number | null;
                                /** @description requests per second; null = unlimited */
                                perAccount: number | null;
                            };
                            sms: {
                                /** @description SMS allowed between settlements; null = no limit */
                                limit: number | null;
                                /** @description SMS accepted since the last settlement (live keys only); without a limit nothing is counted and it stays 0 */
                                used: number;
                            };
                            spend: {
                                /** @description monthly cap on rated spend, excluding VAT; null = none */
                                capMicros: number | null;
                                alertPercents: number[];
                                /** @description the calendar month (UTC, YYYY-MM) monthMicros counts */
                                month: string | null;
                                /** @description rated spend in that month */
                                monthMicros: number;
                            };
                            billing: {
                                /** @description prepaid: messages are refused (insufficient_balance) when the credit is used up */
                                mode: "postpaid" | "prepaid";
                                /** @description prepaid credit left, excluding VAT; null before the first top-up */
                                balance: {
                                    amountMicros: number;
                                    currency: string;
                                } | null;
                                /** @description deposit to hold (before boarding, or by its due date) */
                                depositRequired: {
                                    amountMinor: number;
                                    currency: string;
                                    /** @description held by this day, or messages are refused (deposit_overdue) */
                                    dueOn: string | null;
                                } | null;
                            };
                            /** @description the operator's written acceptance that activated the account; null while pending or when created active */
                            boarding: {
                                /** Format: date-time */
                                acceptedAt: string;
                                signer: string;
                                text: string;
                                reference: string | null;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/connectors/{target}/traffic-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop traffic through a connector (routes fail over to their other connectors; without one, messages are held) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    target: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description why; kept in the audit log */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Release the hold on a connector */
        delete: {
            parameters: {
                query?: {
                    reason?: string;
                };
                header?: never;
                path: {
                    target: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/traffic-holds/countries/{target}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop traffic through a destination country (ISO 3166-1 alpha-2), for every account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    target: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description why; kept in the audit log */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Release the hold on a destination country */
        delete: {
            parameters: {
                query?: {
                    reason?: string;
                };
                header?: never;
                path: {
                    target: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/traffic-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything on hold: accounts (kill switch), connectors, countries */
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
                            accounts: string[];
                            platform: {
                                scope: string;
                                target: string;
                                reason: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/whatsapp/{connectorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meta's webhook subscription handshake (hub.mode, hub.verify_token, hub.challenge) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectorId: string;
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
                    content?: never;
                };
            };
        };
        put?: never;
        /** Meta's WhatsApp events for this connector: inbound messages and statuses (signed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    connectorId: string;
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
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whatsapp/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your WhatsApp message templates and their review status */
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
                            data: {
                                id: string;
                                connectorId: string;
                                name: string;
                                language: string;
                                /** @description MARKETING, UTILITY or AUTHENTICATION */
                                category: string;
                                /** @description APPROVED, PENDING, REJECTED, PAUSED or DISABLED; only APPROVED ones can be sent */
                                status: string;
                                quality: string | null;
                                reason: string | null;
                                components: {
                                    [key: string]: unknown;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a template: it is submitted to Meta's review and starts PENDING */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description lower case, digits and underscores */
                        name: string;
                        /** @description e.g. en_US, de */
                        language: string;
                        category: "MARKETING" | "UTILITY" | "AUTHENTICATION";
                        components: {
                            [key: string]: unknown;
                        }[];
                        /** @description which of your numbers' Business Accounts (default: your first WhatsApp number's) */
                        connectorId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            connectorId: string;
                            name: string;
                            language: string;
                            /** @description MARKETING, UTILITY or AUTHENTICATION */
                            category: string;
                            /** @description APPROVED, PENDING, REJECTED, PAUSED or DISABLED; only APPROVED ones can be sent */
                            status: string;
                            quality: string | null;
                            reason: string | null;
                            components: {
                                [key: string]: unknown;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    "/v1/whatsapp/templates/{templateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a template (Meta deletes the name in every language) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    templateId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/whatsapp/templates/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring every account's templates in step with Meta now (a job does it every 5 minutes) */
        post: {
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
                            changed: number;
                        };
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
    "/v1/messages/{messageId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an inbound WhatsApp message read (the customer sees blue ticks) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whatsapp/opt-ins/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's WhatsApp opt-in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
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
                        "application/json": {
                            optedIn: boolean;
                            source: string | null;
                            grantedAt: string | null;
                            withdrawnAt: string | null;
                        };
                    };
                };
            };
        };
        /** Record a customer's WhatsApp opt-in (how and where they gave it) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        source: "api" | "keyword" | "portal" | "import" | "form";
                        evidence?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            optedIn: boolean;
                            source: string | null;
                            grantedAt: string | null;
                            withdrawnAt: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Withdraw a customer's WhatsApp opt-in */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    number: string;
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
                        "application/json": {
                            optedIn: boolean;
                            source: string | null;
                            grantedAt: string | null;
                            withdrawnAt: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload media for WhatsApp (the body is the file, Content-Type its type): stored with us and in Meta's media API */
        post: {
            parameters: {
                query: {
                    filename: string;
                    connectorId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description our file id (GET /v1/media/{id}) */
                            id: string;
                            /** @description send it as media: { kind, id } */
                            whatsappMediaId: string;
                            contentType: string;
                            size: number;
                        };
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
    "/v1/media/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download media you uploaded or a customer sent */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fileId: string;
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
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{messageId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a message the fraud rules held for review (it is sent, once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    messageId: string;
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
                        "application/json": {
                            id: string;
                            direction: "outbound" | "inbound";
                            channel: string;
                            status: "scheduled" | "held" | "queued" | "sending" | "sent" | "delivered" | "undelivered" | "read" | "failed" | "expired" | "rejected" | "canceled" | "received";
                            to: string;
                            from: string | null;
                            body: string | null;
                            encoding: "GSM-7" | "UCS-2" | null;
                            segments: number | null;
                            purpose: string;
                            priority: string;
                            scheduledAt: string | null;
                            validUntil: string | null;
                            reference: string | null;
                            metadata: {
                                [key: string]: string;
                            } | null;
                            callbackUrl: string | null;
                            storeContent: boolean;
                            connectorId: string | null;
                            /** @description what the parts sent so far cost, excluding VAT; null until rated (test keys are never billed) */
                            price: {
                                /** @description millionths of the currency unit (SMS prices are fractions of a cent) */
                                amountMicros: number;
                                currency: string;
                            } | null;
                            error: {
                                code: string;
                                title: string;
                                detail: string;
                            } | null;
                            /** @description WhatsApp: the content sent (template, media, interactive, reaction or location) */
                            whatsapp: {
                                [key: string]: unknown;
                            } | null;
                            /** @description while held, why: traffic_hold (the account's kill switch), fraud_review, connector:<id> or country:<CC> (platform holds) */
                            holdReason: string | null;
                            /** @description the fraud rules' decision and its reasons; null when they did not run */
                            fraud: {
                                /** @description what was done: review holds the message, block rejects it */
                                action: "allow" | "review" | "block";
                                /** @description what the rules asked for (differs from action in monitor mode) */
                                wouldAction: "allow" | "review" | "block";
                                mode: "monitor" | "enforce";
                                score: number;
                                rules: {
                                    rule: string;
                                    score: number;
                                    explanation: string;
                                }[];
                                /** Format: date-time */
                                decidedAt: string;
                            } | null;
                            /** @description set when the body and media were deleted (retention period passed or an erasure request): body is then null */
                            contentErased: {
                                /** Format: date-time */
                                at: string;
                                reason: "retention" | "erasure";
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    "/v1/messages/held/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release every message held for review that matches the filter */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                        to?: string;
                        /** Format: date-time */
                        createdAfter?: string;
                        /** Format: date-time */
                        createdBefore?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            ids: string[];
                        };
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
    "/v1/admin/held-messages/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release held messages of any account and any hold reason that match the filter */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                        to?: string;
                        /** Format: date-time */
                        createdAfter?: string;
                        /** Format: date-time */
                        createdBefore?: string;
                        note?: string;
                        accountId?: string;
                        holdReason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            ids: string[];
                        };
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
    "/v1/messages/{messageId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a message the fraud rules held for review (it ends rejected, fraud_blocked) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    messageId: string;
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
                        "application/json": {
                            id: string;
                            direction: "outbound" | "inbound";
                            channel: string;
                            status: "scheduled" | "held" | "queued" | "sending" | "sent" | "delivered" | "undelivered" | "read" | "failed" | "expired" | "rejected" | "canceled" | "received";
                            to: string;
                            from: string | null;
                            body: string | null;
                            encoding: "GSM-7" | "UCS-2" | null;
                            segments: number | null;
                            purpose: string;
                            priority: string;
                            scheduledAt: string | null;
                            validUntil: string | null;
                            reference: string | null;
                            metadata: {
                                [key: string]: string;
                            } | null;
                            callbackUrl: string | null;
                            storeContent: boolean;
                            connectorId: string | null;
                            /** @description what the parts sent so far cost, excluding VAT; null until rated (test keys are never billed) */
                            price: {
                                /** @description millionths of the currency unit (SMS prices are fractions of a cent) */
                                amountMicros: number;
                                currency: string;
                            } | null;
                            error: {
                                code: string;
                                title: string;
                                detail: string;
                            } | null;
                            /** @description WhatsApp: the content sent (template, media, interactive, reaction or location) */
                            whatsapp: {
                                [key: string]: unknown;
                            } | null;
                            /** @description while held, why: traffic_hold (the account's kill switch), fraud_review, connector:<id> or country:<CC> (platform holds) */
                            holdReason: string | null;
                            /** @description the fraud rules' decision and its reasons; null when they did not run */
                            fraud: {
                                /** @description what was done: review holds the message, block rejects it */
                                action: "allow" | "review" | "block";
                                /** @description what the rules asked for (differs from action in monitor mode) */
                                wouldAction: "allow" | "review" | "block";
                                mode: "monitor" | "enforce";
                                score: number;
                                rules: {
                                    rule: string;
                                    score: number;
                                    explanation: string;
                                }[];
                                /** Format: date-time */
                                decidedAt: string;
                            } | null;
                            /** @description set when the body and media were deleted (retention period passed or an erasure request): body is then null */
                            contentErased: {
                                /** Format: date-time */
                                at: string;
                                reason: "retention" | "erasure";
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    "/v1/messages/held/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject every message held for review that matches the filter */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                        to?: string;
                        /** Format: date-time */
                        createdAfter?: string;
                        /** Format: date-time */
                        createdBefore?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            ids: string[];
                        };
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
    "/v1/admin/held-messages/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject held messages of any account and any hold reason that match the filter */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                        to?: string;
                        /** Format: date-time */
                        createdAfter?: string;
                        /** Format: date-time */
                        createdBefore?: string;
                        note?: string;
                        accountId?: string;
                        holdReason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            ids: string[];
                        };
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
    "/v1/admin/accounts/{accountId}/fraud-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's fraud mode and rule settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
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
                        "application/json": {
                            mode: "off" | "monitor" | "enforce";
                            overrides: {
                                /** @description a combined score from here holds the message for review */
                                reviewScore?: number;
                                /** @description a combined score from here rejects it (fraud_blocked) */
                                blockScore?: number;
                                blockedCountries?: string[];
                                blockedPrefixes?: string[];
                                /** @description never flagged by the range lists (seed or operator) */
                                allowedPrefixes?: string[];
                                /** @description messages to one number per minute before review */
                                numberPerMinute?: number;
                                /** @description … before block */
                                numberPerMinuteBlock?: number;
                                /** @description messages to one number range (all but the last 4 digits) per minute before review */
                                rangePerMinute?: number;
                                /** @description messages to one country per minute before it adds to the score */
                                countryPerMinute?: number;
                                /** @description this hour's volume over the account's hourly average of the last 7 days */
                                spikeFactor?: number;
                                /** @description a spike needs at least this many messages in the hour */
                                spikeFloor?: number;
                                /** @description near-sequential numbers of one range within a minute */
                                sequentialRun?: number;
                                /** @description messages in a minute to a country the account never used before review */
                                newCountryBurst?: number;
                                /** @description OTP messages to one range in 24 h before conversion is judged */
                                otpMinSample?: number;
                                otpMinConversionPercent?: number;
                                urlShorteners?: string[];
                                blockedKeywords?: string[];
                                /** @description this many blocked messages within a minute put the account's kill switch on (enforce mode; null: never) */
                                autoHoldBlocksPerMinute?: number | null;
                            };
                            /** @description the defaults with the overrides applied */
                            effective: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        /** Set the fraud mode (off, monitor: record only, enforce: hold and block) and override rule settings (applies within 5 s) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mode: "off" | "monitor" | "enforce";
                        overrides?: {
                            /** @description a combined score from here holds the message for review */
                            reviewScore?: number;
                            /** @description a combined score from here rejects it (fraud_blocked) */
                            blockScore?: number;
                            blockedCountries?: string[];
                            blockedPrefixes?: string[];
                            /** @description never flagged by the range lists (seed or operator) */
                            allowedPrefixes?: string[];
                            /** @description messages to one number per minute before review */
                            numberPerMinute?: number;
                            /** @description … before block */
                            numberPerMinuteBlock?: number;
                            /** @description messages to one number range (all but the last 4 digits) per minute before review */
                            rangePerMinute?: number;
                            /** @description messages to one country per minute before it adds to the score */
                            countryPerMinute?: number;
                            /** @description this hour's volume over the account's hourly average of the last 7 days */
                            spikeFactor?: number;
                            /** @description a spike needs at least this many messages in the hour */
                            spikeFloor?: number;
                            /** @description near-sequential numbers of one range within a minute */
                            sequentialRun?: number;
                            /** @description messages in a minute to a country the account never used before review */
                            newCountryBurst?: number;
                            /** @description OTP messages to one range in 24 h before conversion is judged */
                            otpMinSample?: number;
                            otpMinConversionPercent?: number;
                            urlShorteners?: string[];
                            blockedKeywords?: string[];
                            /** @description this many blocked messages within a minute put the account's kill switch on (enforce mode; null: never) */
                            autoHoldBlocksPerMinute?: number | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            mode: "off" | "monitor" | "enforce";
                            overrides: {
                                /** @description a combined score from here holds the message for review */
                                reviewScore?: number;
                                /** @description a combined score from here rejects it (fraud_blocked) */
                                blockScore?: number;
                                blockedCountries?: string[];
                                blockedPrefixes?: string[];
                                /** @description never flagged by the range lists (seed or operator) */
                                allowedPrefixes?: string[];
                                /** @description messages to one number per minute before review */
                                numberPerMinute?: number;
                                /** @description … before block */
                                numberPerMinuteBlock?: number;
                                /** @description messages to one number range (all but the last 4 digits) per minute before review */
                                rangePerMinute?: number;
                                /** @description messages to one country per minute before it adds to the score */
                                countryPerMinute?: number;
                                /** @description this hour's volume over the account's hourly average of the last 7 days */
                                spikeFactor?: number;
                                /** @description a spike needs at least this many messages in the hour */
                                spikeFloor?: number;
                                /** @description near-sequential numbers of one range within a minute */
                                sequentialRun?: number;
                                /** @description messages in a minute to a country the account never used before review */
                                newCountryBurst?: number;
                                /** @description OTP messages to one range in 24 h before conversion is judged */
                                otpMinSample?: number;
                                otpMinConversionPercent?: number;
                                urlShorteners?: string[];
                                blockedKeywords?: string[];
                                /** @description this many blocked messages within a minute put the account's kill switch on (enforce mode; null: never) */
                                autoHoldBlocksPerMinute?: number | null;
                            };
                            /** @description the defaults with the overrides applied */
                            effective: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/fraud-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the fraud rules judge your traffic (set by your operator) */
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
                            mode: "off" | "monitor" | "enforce";
                            overrides: {
                                /** @description a combined score from here holds the message for review */
                                reviewScore?: number;
                                /** @description a combined score from here rejects it (fraud_blocked) */
                                blockScore?: number;
                                blockedCountries?: string[];
                                blockedPrefixes?: string[];
                                /** @description never flagged by the range lists (seed or operator) */
                                allowedPrefixes?: string[];
                                /** @description messages to one number per minute before review */
                                numberPerMinute?: number;
                                /** @description … before block */
                                numberPerMinuteBlock?: number;
                                /** @description messages to one number range (all but the last 4 digits) per minute before review */
                                rangePerMinute?: number;
                                /** @description messages to one country per minute before it adds to the score */
                                countryPerMinute?: number;
                                /** @description this hour's volume over the account's hourly average of the last 7 days */
                                spikeFactor?: number;
                                /** @description a spike needs at least this many messages in the hour */
                                spikeFloor?: number;
                                /** @description near-sequential numbers of one range within a minute */
                                sequentialRun?: number;
                                /** @description messages in a minute to a country the account never used before review */
                                newCountryBurst?: number;
                                /** @description OTP messages to one range in 24 h before conversion is judged */
                                otpMinSample?: number;
                                otpMinConversionPercent?: number;
                                urlShorteners?: string[];
                                blockedKeywords?: string[];
                                /** @description this many blocked messages within a minute put the account's kill switch on (enforce mode; null: never) */
                                autoHoldBlocksPerMinute?: number | null;
                            };
                            /** @description the defaults with the overrides applied */
                            effective: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/fraud/ranges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The destination range list as CSV: the shipped seed entries and yours (prefix,action,label,source) */
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
                    content?: never;
                };
            };
        };
        /** Replace your range entries from CSV (prefix,action,label; action review, block or allow: allow lifts a seed entry) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        csv: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{messageId}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report that the one-time passcode in this message was verified (the fraud rules judge OTP conversion per number range) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "verified";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in to the portal with email and password
         * @description Sets the cx_session and cx_csrf cookies, or asks for a second factor. Wrong email or password: 401; too many failures: 429 with Retry-After.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            twoFactorRequired: boolean;
                            /** @description send it to POST /v1/auth/login/2fa with a code */
                            challengeId: string | null;
                            challengeExpiresAt: string | null;
                            /** @description the new session when no second factor is needed */
                            me: {
                                user: {
                                    id: string;
                                    email: string;
                                    name: string | null;
                                    role: string;
                                };
                                account: {
                                    id: string;
                                    name: string;
                                    status: string;
                                    isHouse: boolean;
                                };
                                /** @description what the role allows; empty until two-factor is enabled when it is mandatory */
                                scopes: string[];
                                twoFactor: {
                                    enabled: boolean;
                                    /** @description always for operators; for client users when the account policy says so */
                                    required: boolean;
                                    /** @description required but not enabled: only /v1/auth/... routes work until it is */
                                    enrollmentRequired: boolean;
                                };
                                session: {
                                    id: string;
                                    method: string;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: date-time */
                                    expiresAt: string;
                                    /** Format: date-time */
                                    idleExpiresAt: string;
                                };
                                /** @description send it as X-CSRF-Token on every POST, PUT, PATCH and DELETE (also in the cx_csrf cookie) */
                                csrfToken: string;
                            } | null;
                        };
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
    "/v1/auth/login/2fa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish signing in with a TOTP code or a recovery code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        challengeId: string;
                        code?: string;
                        recoveryCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string | null;
                                role: string;
                            };
                            account: {
                                id: string;
                                name: string;
                                status: string;
                                isHouse: boolean;
                            };
                            /** @description what the role allows; empty until two-factor is enabled when it is mandatory */
                            scopes: string[];
                            twoFactor: {
                                enabled: boolean;
                                /** @description always for operators; for client users when the account policy says so */
                                required: boolean;
                                /** @description required but not enabled: only /v1/auth/... routes work until it is */
                                enrollmentRequired: boolean;
                            };
                            session: {
                                id: string;
                                method: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                idleExpiresAt: string;
                            };
                            /** @description send it as X-CSRF-Token on every POST, PUT, PATCH and DELETE (also in the cx_csrf cookie) */
                            csrfToken: string;
                        };
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
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends this session and clears its cookies */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, their account, scopes, two-factor state and CSRF token */
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
                            user: {
                                id: string;
                                email: string;
                                name: string | null;
                                role: string;
                            };
                            account: {
                                id: string;
                                name: string;
                                status: string;
                                isHouse: boolean;
                            };
                            /** @description what the role allows; empty until two-factor is enabled when it is mandatory */
                            scopes: string[];
                            twoFactor: {
                                enabled: boolean;
                                /** @description always for operators; for client users when the account policy says so */
                                required: boolean;
                                /** @description required but not enabled: only /v1/auth/... routes work until it is */
                                enrollmentRequired: boolean;
                            };
                            session: {
                                id: string;
                                method: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                idleExpiresAt: string;
                            };
                            /** @description send it as X-CSRF-Token on every POST, PUT, PATCH and DELETE (also in the cx_csrf cookie) */
                            csrfToken: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your sessions that are still valid */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
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
                            data: {
                                id: string;
                                /** @description password, totp or recovery_code */
                                method: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                lastSeenAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                userAgent: string | null;
                                /** @description the client address without its host part */
                                ip: string | null;
                                current: boolean;
                                revokedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of your sessions (sign out another device) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
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
                        "application/json": {
                            id: string;
                            /** @description password, totp or recovery_code */
                            method: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            lastSeenAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            userAgent: string | null;
                            /** @description the client address without its host part */
                            ip: string | null;
                            current: boolean;
                            revokedAt: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password (ends your other sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password reset link
         * @description Always 202, whether or not the email has a user. The link is valid for one hour.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "accepted";
                        };
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
    "/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the emailed link (ends every session of the user) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/2fa/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start TOTP enrollment: a new secret for your authenticator app
         * @description Show otpauthUri as a QR code (or the secret for manual entry), then confirm with POST /v1/auth/2fa/enable.
         */
        post: {
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
                            /** @description base32 */
                            secret: string;
                            otpauthUri: string;
                        };
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
    "/v1/auth/2fa/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm enrollment with a first code; returns 10 one-time recovery codes (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the 6-digit code the authenticator app shows now */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryCodes: string[];
                        };
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
    "/v1/auth/2fa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor off (refused with 409 where it is mandatory) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        /** @description the 6-digit code the authenticator app shows now */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your account's users */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
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
                            data: {
                                id: string;
                                email: string;
                                name: string | null;
                                role: string;
                                twoFactorEnabled: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                lastLoginAt: string | null;
                                disabledAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disable a user: their sessions end and they can no longer sign in */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
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
                        "application/json": {
                            id: string;
                            email: string;
                            name: string | null;
                            role: string;
                            twoFactorEnabled: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            lastLoginAt: string | null;
                            disabledAt: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a user's role (audited) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description owner, admin, developer, agent, billing, viewer, operator, operator_readonly */
                        role: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string | null;
                            role: string;
                            twoFactorEnabled: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            lastLoginAt: string | null;
                            disabledAt: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/users/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations not yet accepted, withdrawn or expired */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
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
                            data: {
                                id: string;
                                email: string;
                                role: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                acceptedAt: string | null;
                                revokedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Invite someone by email (the link is valid for 7 days) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @description owner, admin, developer, agent, billing, viewer, operator, operator_readonly */
                        role: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            role: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            acceptedAt: string | null;
                            revokedAt: string | null;
                        };
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
    "/v1/users/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an invitation: its link stops working */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    invitationId: string;
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
                        "application/json": {
                            id: string;
                            email: string;
                            role: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            acceptedAt: string | null;
                            revokedAt: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's sign-in policy */
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
                            /** @description every user of the account must use two-factor authentication */
                            require2fa: boolean;
                        };
                    };
                };
            };
        };
        /** Make two-factor authentication mandatory for every user of the account (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description every user of the account must use two-factor authentication */
                        require2fa: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description every user of the account must use two-factor authentication */
                            require2fa: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: choose a name and password (then sign in) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        password: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string | null;
                            role: string;
                            twoFactorEnabled: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            lastLoginAt: string | null;
                            disabledAt: string | null;
                        };
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
    "/v1/admin/accounts/{accountId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's users */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path: {
                    accountId: string;
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
                        "application/json": {
                            data: {
                                id: string;
                                email: string;
                                name: string | null;
                                role: string;
                                twoFactorEnabled: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                lastLoginAt: string | null;
                                disabledAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disable a user of an account */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    userId: string;
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
                        "application/json": {
                            id: string;
                            email: string;
                            name: string | null;
                            role: string;
                            twoFactorEnabled: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            lastLoginAt: string | null;
                            disabledAt: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a user's role (operator roles on the house account only) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description owner, admin, developer, agent, billing, viewer, operator, operator_readonly */
                        role: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string | null;
                            role: string;
                            twoFactorEnabled: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            lastLoginAt: string | null;
                            disabledAt: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a user to an account (e.g. a new client's first owner; operator roles on the house account) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @description owner, admin, developer, agent, billing, viewer, operator, operator_readonly */
                        role: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            role: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            acceptedAt: string | null;
                            revokedAt: string | null;
                        };
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
    "/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contacts, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                    /** @description E.164 number */
                    phone?: string;
                    tag?: string;
                };
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
                            data: components["schemas"]["def-1"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a contact (a number that already has one returns it: 200) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description E.164 number */
                        phone?: string;
                        name?: string | null;
                        email?: string | null;
                        whatsappId?: string | null;
                        attributes?: {
                            [key: string]: string | number | boolean;
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            phone: string | null;
                            name: string | null;
                            email: string | null;
                            whatsappId: string | null;
                            attributes: {
                                [key: string]: string | number | boolean;
                            };
                            tags: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            phone: string | null;
                            name: string | null;
                            email: string | null;
                            whatsappId: string | null;
                            attributes: {
                                [key: string]: string | number | boolean;
                            };
                            tags: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    "/v1/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    contactId: string;
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
                        "application/json": {
                            id: string;
                            phone: string | null;
                            name: string | null;
                            email: string | null;
                            whatsappId: string | null;
                            attributes: {
                                [key: string]: string | number | boolean;
                            };
                            tags: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a contact (its consent history and messages stay; an erasure request removes everything) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a contact's details (audited; the number cannot change: it identifies the person) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string | null;
                        email?: string | null;
                        whatsappId?: string | null;
                        attributes?: {
                            [key: string]: string | number | boolean;
                        };
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            phone: string | null;
                            name: string | null;
                            email: string | null;
                            whatsappId: string | null;
                            attributes: {
                                [key: string]: string | number | boolean;
                            };
                            tags: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/contacts/{contactId}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact's current consent per channel and purpose, and the full history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    contactId: string;
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
                        "application/json": {
                            current: {
                                channel: string;
                                purpose: string;
                                granted: boolean;
                                /** Format: date-time */
                                since: string;
                                source: string;
                            }[];
                            history: {
                                id: string;
                                channel: string;
                                purpose: string;
                                action: string;
                                source: string;
                                evidence: string | null;
                                actor: {
                                    type: string;
                                    id: string;
                                };
                                /** Format: date-time */
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a grant or withdrawal of consent (append-only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    contactId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        channel: "sms" | "whatsapp" | "push" | "voice" | "email";
                        /** @description marketing, transactional, otp, or your own (lower case) */
                        purpose: string;
                        action: "granted" | "withdrawn";
                        /** @enum {unknown} */
                        source: "api" | "keyword" | "portal" | "import" | "form";
                        /** @description How consent was given or withdrawn (form id, wording, recording); stored encrypted */
                        evidence?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            current: {
                                channel: string;
                                purpose: string;
                                granted: boolean;
                                /** Format: date-time */
                                since: string;
                                source: string;
                            }[];
                            history: {
                                id: string;
                                channel: string;
                                purpose: string;
                                action: string;
                                source: string;
                                evidence: string | null;
                                actor: {
                                    type: string;
                                    id: string;
                                };
                                /** Format: date-time */
                                recordedAt: string;
                            }[];
                        };
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
    "/v1/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record consent by phone number (the number's contact is created if it has none) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description E.164 number */
                        phone: string;
                        /** @enum {unknown} */
                        channel: "sms" | "whatsapp" | "push" | "voice" | "email";
                        /** @description marketing, transactional, otp, or your own (lower case) */
                        purpose: string;
                        action: "granted" | "withdrawn";
                        /** @enum {unknown} */
                        source: "api" | "keyword" | "portal" | "import" | "form";
                        /** @description How consent was given or withdrawn (form id, wording, recording); stored encrypted */
                        evidence?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contactId: string;
                            current: {
                                channel: string;
                                purpose: string;
                                granted: boolean;
                                /** Format: date-time */
                                since: string;
                                source: string;
                            }[];
                            history: {
                                id: string;
                                channel: string;
                                purpose: string;
                                action: string;
                                source: string;
                                evidence: string | null;
                                actor: {
                                    type: string;
                                    id: string;
                                };
                                /** Format: date-time */
                                recordedAt: string;
                            }[];
                        };
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
    "/v1/contacts/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import up to 1000 contacts with their consent (all or nothing; consents are recorded with source import) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contacts: {
                            /** @description E.164 number */
                            phone?: string;
                            name?: string | null;
                            email?: string | null;
                            whatsappId?: string | null;
                            attributes?: {
                                [key: string]: string | number | boolean;
                            };
                            tags?: string[];
                            consents?: {
                                /** @enum {unknown} */
                                channel: "sms" | "whatsapp" | "push" | "voice" | "email";
                                /** @description marketing, transactional, otp, or your own (lower case) */
                                purpose: string;
                                action: "granted" | "withdrawn";
                                /** @description How consent was given or withdrawn (form id, wording, recording); stored encrypted */
                                evidence?: string;
                            }[];
                        }[];
                        /** @description a number (or email) that already has a contact: `merge` (default) sets the fields given, adds the tags and attributes; `skip` leaves it as it is (its consents are still recorded) */
                        existing?: "merge" | "skip";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            updated: number;
                            skipped: number;
                            consentsRecorded: number;
                            results: {
                                index: number;
                                contactId: string;
                                /** @enum {unknown} */
                                outcome: "created" | "updated" | "skipped";
                            }[];
                        };
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
    "/v1/privacy/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's consent, request and keyword settings */
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
                            /** @description marketing needs a current grant for its channel */
                            consentEnforcement: boolean;
                            /** @description data-subject requests wait in received for a person to approve them */
                            manualApproval: boolean;
                            keywords: {
                                stop: string[];
                                start: string[];
                                help: string[];
                            };
                            replies: {
                                stop: string;
                                start: string;
                                help: string;
                            };
                        };
                    };
                };
            };
        };
        /** Change consent enforcement, manual approval of requests, keywords and their replies (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        consentEnforcement?: boolean;
                        manualApproval?: boolean;
                        keywords?: {
                            stop?: string[];
                            start?: string[];
                            help?: string[];
                        };
                        replies?: {
                            stop?: string;
                            start?: string;
                            help?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description marketing needs a current grant for its channel */
                            consentEnforcement: boolean;
                            /** @description data-subject requests wait in received for a person to approve them */
                            manualApproval: boolean;
                            keywords: {
                                stop: string[];
                                start: string[];
                                help: string[];
                            };
                            replies: {
                                stop: string;
                                start: string;
                                help: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/privacy/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Data-subject requests, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                    status?: "received" | "in_progress" | "completed" | "rejected";
                    type?: "access" | "portability" | "rectification" | "erasure" | "objection" | "restriction" | "automated_decision_review";
                };
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
                            data: components["schemas"]["def-2"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a data-subject request; it runs on its own unless the account approves requests by hand */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        type: "access" | "portability" | "rectification" | "erasure" | "objection" | "restriction" | "automated_decision_review";
                        /** @description exactly one of phone, email, contactId */
                        subject: {
                            phone?: string;
                            /** Format: email */
                            email?: string;
                            contactId?: string;
                        };
                        note?: string;
                        /** @description rectification only: the corrected contact fields */
                        changes?: {
                            name?: string | null;
                            email?: string | null;
                            whatsappId?: string | null;
                            attributes?: {
                                [key: string]: string | number | boolean;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            type: "access" | "portability" | "rectification" | "erasure" | "objection" | "restriction" | "automated_decision_review";
                            status: "received" | "in_progress" | "completed" | "rejected";
                            /** @description end_user: one of the account's customers (the account is controller); platform: a portal user or email address the platform itself is controller for (filed by operators) */
                            subjectKind: "end_user" | "platform";
                            subject: {
                                phone?: string;
                                email?: string;
                                contactId?: string;
                                userId?: string;
                            } | null;
                            note: string | null;
                            notes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    type: string;
                                    id: string;
                                };
                                text: string;
                            }[];
                            assignee: string | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /**
                             * Format: date-time
                             * @description one month after receipt (GDPR Art. 12(3)), three after an extension
                             */
                            dueAt: string;
                            extension: {
                                reason: string;
                            } | null;
                            startedAt: string | null;
                            completedAt: string | null;
                            rejectionReason: string | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            export: {
                                url: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
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
    "/v1/privacy/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A data-subject request, its outcome and report */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
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
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            type: "access" | "portability" | "rectification" | "erasure" | "objection" | "restriction" | "automated_decision_review";
                            status: "received" | "in_progress" | "completed" | "rejected";
                            /** @description end_user: one of the account's customers (the account is controller); platform: a portal user or email address the platform itself is controller for (filed by operators) */
                            subjectKind: "end_user" | "platform";
                            subject: {
                                phone?: string;
                                email?: string;
                                contactId?: string;
                                userId?: string;
                            } | null;
                            note: string | null;
                            notes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    type: string;
                                    id: string;
                                };
                                text: string;
                            }[];
                            assignee: string | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /**
                             * Format: date-time
                             * @description one month after receipt (GDPR Art. 12(3)), three after an extension
                             */
                            dueAt: string;
                            extension: {
                                reason: string;
                            } | null;
                            startedAt: string | null;
                            completedAt: string | null;
                            rejectionReason: string | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            export: {
                                url: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Assign a request to a team member, or add a note */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assignee?: string | null;
                        addNote?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            type: "access" | "portability" | "rectification" | "erasure" | "objection" | "restriction" | "automated_decision_review";
                            status: "received" | "in_progress" | "completed" | "rejected";
                            /** @description end_user: one of the account's customers (the account is controller); platform: a portal user or email address the platform itself is controller for (filed by operators) */
                            subjectKind: "end_user" | "platform";
                            subject: {
                                phone?: string;
                                email?: string;
                                contactId?: string;
                                userId?: string;
                            } | null;
                            note: string | null;
                            notes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    type: string;
                                    id: string;
                                };
                                text: string;
                            }[];
                            assignee: string | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /**
                             * Format: date-time
                             * @description one month after receipt (GDPR Art. 12(3)), three after an extension
                             */
                            dueAt: string;
                            extension: {
                                reason: string;
                            } | null;
                            startedAt: string | null;
                            completedAt: string | null;
                            rejectionReason: string | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            export: {
                                url: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/privacy/requests/{requestId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a request waiting for approval (manual approval accounts): it runs now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assignee?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            type: "access" | "portability" | "rectification" | "erasure" | "objection" | "restriction" | "automated_decision_review";
                            status: "received" | "in_progress" | "completed" | "rejected";
                            /** @description end_user: one of the account's customers (the account is controller); platform: a portal user or email address the platform itself is controller for (filed by operators) */
                            subjectKind: "end_user" | "platform";
                            subject: {
                                phone?: string;
                                email?: string;
                                contactId?: string;
                                userId?: string;
                            } | null;
                            note: string | null;
                            notes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    type: string;
                                    id: string;
                                };
                                text: string;
                            }[];
                            assignee: string | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /**
                             * Format: date-time
                             * @description one month after receipt (GDPR Art. 12(3)), three after an extension
                             */
                            dueAt: string;
                            extension: {
                                reason: string;
                            } | null;
                            startedAt: string | null;
                            completedAt: string | null;
                            rejectionReason: string | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            export: {
                                url: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
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
    "/v1/privacy/requests/{requestId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse a request, with the reason the person is told (e.g. identity not verified) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            type: "access" | "portability" | "rectification" | "erasure" | "objection" | "restriction" | "automated_decision_review";
                            status: "received" | "in_progress" | "completed" | "rejected";
                            /** @description end_user: one of the account's customers (the account is controller); platform: a portal user or email address the platform itself is controller for (filed by operators) */
                            subjectKind: "end_user" | "platform";
                            subject: {
                                phone?: string;
                                email?: string;
                                contactId?: string;
                                userId?: string;
                            } | null;
                            note: string | null;
                            notes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    type: string;
                                    id: string;
                                };
                                text: string;
                            }[];
                            assignee: string | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /**
                             * Format: date-time
                             * @description one month after receipt (GDPR Art. 12(3)), three after an extension
                             */
                            dueAt: string;
                            extension: {
                                reason: string;
                            } | null;
                            startedAt: string | null;
                            completedAt: string | null;
                            rejectionReason: string | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            export: {
                                url: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
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
    "/v1/privacy/requests/{requestId}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the deadline by two months, once, with the reason (GDPR Art. 12(3): complexity or number of requests) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            type: "access" | "portability" | "rectification" | "erasure" | "objection" | "restriction" | "automated_decision_review";
                            status: "received" | "in_progress" | "completed" | "rejected";
                            /** @description end_user: one of the account's customers (the account is controller); platform: a portal user or email address the platform itself is controller for (filed by operators) */
                            subjectKind: "end_user" | "platform";
                            subject: {
                                phone?: string;
                                email?: string;
                                contactId?: string;
                                userId?: string;
                            } | null;
                            note: string | null;
                            notes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    type: string;
                                    id: string;
                                };
                                text: string;
                            }[];
                            assignee: string | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /**
                             * Format: date-time
                             * @description one month after receipt (GDPR Art. 12(3)), three after an extension
                             */
                            dueAt: string;
                            extension: {
                                reason: string;
                            } | null;
                            startedAt: string | null;
                            completedAt: string | null;
                            rejectionReason: string | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            export: {
                                url: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
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
    "/v1/privacy/requests/{requestId}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Automated decisions about the subject (automated_decision_review requests), each with its explanation and review */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
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
                        "application/json": {
                            data: {
                                messageId: string;
                                kind: string;
                                status: string;
                                /** Format: date-time */
                                at: string;
                                explanation: string;
                                review: {
                                    outcome: string;
                                    note: string | null;
                                    /** Format: date-time */
                                    at: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/privacy/requests/{requestId}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A person confirms or overturns one automated decision; an overturned hold is released */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        messageId: string;
                        outcome: "confirmed" | "overturned";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            type: "access" | "portability" | "rectification" | "erasure" | "objection" | "restriction" | "automated_decision_review";
                            status: "received" | "in_progress" | "completed" | "rejected";
                            /** @description end_user: one of the account's customers (the account is controller); platform: a portal user or email address the platform itself is controller for (filed by operators) */
                            subjectKind: "end_user" | "platform";
                            subject: {
                                phone?: string;
                                email?: string;
                                contactId?: string;
                                userId?: string;
                            } | null;
                            note: string | null;
                            notes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    type: string;
                                    id: string;
                                };
                                text: string;
                            }[];
                            assignee: string | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /**
                             * Format: date-time
                             * @description one month after receipt (GDPR Art. 12(3)), three after an extension
                             */
                            dueAt: string;
                            extension: {
                                reason: string;
                            } | null;
                            startedAt: string | null;
                            completedAt: string | null;
                            rejectionReason: string | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            export: {
                                url: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
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
    "/v1/privacy/requests/{requestId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the export of an access or portability request (a zip) until it expires */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
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
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/privacy/erasure-journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every erasure so far, by hash: keep it with each backup and apply it after a restore */
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
                            data: {
                                accountId: string;
                                /** @description hex */
                                subjectHash: string;
                                requestId: string;
                                /** Format: date-time */
                                erasedAt: string;
                                /** @description end_user: an account's customer (hash of the number); platform: a portal user or email address (SHA-256 of the address) */
                                subjectKind: "end_user" | "platform";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/privacy/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests about portal users and email addresses, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
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
                            data: components["schemas"]["def-2"][];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record and run a data-subject request about a portal user or an email address (the platform is controller) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        type: "access" | "portability" | "erasure";
                        /** @description exactly one of userId, email */
                        subject: {
                            /** @description a portal user on any account */
                            userId?: string;
                            /**
                             * Format: email
                             * @description anyone: a portal user, an invitee, a prospect the platform emailed
                             */
                            email?: string;
                        };
                        /** @description e.g. how the identity was verified */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            type: "access" | "portability" | "rectification" | "erasure" | "objection" | "restriction" | "automated_decision_review";
                            status: "received" | "in_progress" | "completed" | "rejected";
                            /** @description end_user: one of the account's customers (the account is controller); platform: a portal user or email address the platform itself is controller for (filed by operators) */
                            subjectKind: "end_user" | "platform";
                            subject: {
                                phone?: string;
                                email?: string;
                                contactId?: string;
                                userId?: string;
                            } | null;
                            note: string | null;
                            notes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    type: string;
                                    id: string;
                                };
                                text: string;
                            }[];
                            assignee: string | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /**
                             * Format: date-time
                             * @description one month after receipt (GDPR Art. 12(3)), three after an extension
                             */
                            dueAt: string;
                            extension: {
                                reason: string;
                            } | null;
                            startedAt: string | null;
                            completedAt: string | null;
                            rejectionReason: string | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            export: {
                                url: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
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
    "/v1/admin/privacy/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A request about a portal user or email address, its outcome and report */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
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
                        "application/json": {
                            id: string;
                            /** @enum {unknown} */
                            type: "access" | "portability" | "rectification" | "erasure" | "objection" | "restriction" | "automated_decision_review";
                            status: "received" | "in_progress" | "completed" | "rejected";
                            /** @description end_user: one of the account's customers (the account is controller); platform: a portal user or email address the platform itself is controller for (filed by operators) */
                            subjectKind: "end_user" | "platform";
                            subject: {
                                phone?: string;
                                email?: string;
                                contactId?: string;
                                userId?: string;
                            } | null;
                            note: string | null;
                            notes: {
                                /** Format: date-time */
                                at: string;
                                by: {
                                    type: string;
                                    id: string;
                                };
                                text: string;
                            }[];
                            assignee: string | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /**
                             * Format: date-time
                             * @description one month after receipt (GDPR Art. 12(3)), three after an extension
                             */
                            dueAt: string;
                            extension: {
                                reason: string;
                            } | null;
                            startedAt: string | null;
                            completedAt: string | null;
                            rejectionReason: string | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            export: {
                                url: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/privacy/requests/{requestId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the export of an access or portability request (a zip) until it expires */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
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
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/privacy/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How long each category of data is kept, who set it, and the bounds */
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
                            data: {
                                category: "message_content" | "message_metadata" | "inbound_media" | "webhook_delivery_logs" | "exports" | "audit_free_text" | "email_outbox" | "portal_sessions" | "portal_tokens" | "disabled_users";
                                /** @description kept this many days after creation (or, for sessions, links and disabled users, after they ended), then erased or deleted */
                                days: number;
                                /** @description who set the period: you, your operator for the platform, or the shipped default */
                                source: "account" | "platform" | "default";
                                minimum: number;
                                maximum: number;
                                what: string;
                                /** @description why the minimum and the default are what they are */
                                why: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** Set your own retention periods (days) for some categories, within their minimum and maximum */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categories: {
                            /** @description days */
                            message_content?: number;
                            /** @description days */
                            message_metadata?: number;
                            /** @description days */
                            inbound_media?: number;
                            /** @description days */
                            webhook_delivery_logs?: number;
                            /** @description days */
                            exports?: number;
                            /** @description days */
                            audit_free_text?: number;
                            /** @description days */
                            email_outbox?: number;
                            /** @description days */
                            portal_sessions?: number;
                            /** @description days */
                            portal_tokens?: number;
                            /** @description days */
                            disabled_users?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                category: "message_content" | "message_metadata" | "inbound_media" | "webhook_delivery_logs" | "exports" | "audit_free_text" | "email_outbox" | "portal_sessions" | "portal_tokens" | "disabled_users";
                                /** @description kept this many days after creation (or, for sessions, links and disabled users, after they ended), then erased or deleted */
                                days: number;
                                /** @description who set the period: you, your operator for the platform, or the shipped default */
                                source: "account" | "platform" | "default";
                                minimum: number;
                                maximum: number;
                                what: string;
                                /** @description why the minimum and the default are what they are */
                                why: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/privacy/retention/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the daily retention runs erased or deleted in your account, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
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
                            data: {
                                id: string;
                                /** Format: date-time */
                                startedAt: string;
                                finishedAt: string | null;
                                /** @description rows erased or deleted per category */
                                counts: {
                                    [key: string]: number;
                                };
                                skipped: {
                                    accountHold: boolean;
                                    /** @description people on legal hold whose data was left alone */
                                    subjectHolds: number;
                                };
                                /** @description false when the run ran out of time; the next one goes on */
                                complete: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/privacy/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Legal holds on your account or on people: retention leaves what they cover alone */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                    active?: boolean;
                };
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
                            data: {
                                id: string;
                                scope: "account" | "subject";
                                /** @description the person held, as the first 16 hex of their subject hash (the anon_ pseudonym); null for the whole account */
                                subjectId: string | null;
                                reason: string;
                                placedBy: "operator" | "account";
                                /** Format: date-time */
                                createdAt: string;
                                releasedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Place a legal hold on your whole account, or on one person (subject.phone) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        subject?: {
                            /** @description E.164 */
                            phone: string;
                        };
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            scope: "account" | "subject";
                            /** @description the person held, as the first 16 hex of their subject hash (the anon_ pseudonym); null for the whole account */
                            subjectId: string | null;
                            reason: string;
                            placedBy: "operator" | "account";
                            /** Format: date-time */
                            createdAt: string;
                            releasedAt: string | null;
                        };
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
    "/v1/privacy/legal-holds/{holdId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Release a legal hold you placed (retention applies again at its next run) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    holdId: string;
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
                        "application/json": {
                            id: string;
                            scope: "account" | "subject";
                            /** @description the person held, as the first 16 hex of their subject hash (the anon_ pseudonym); null for the whole account */
                            subjectId: string | null;
                            reason: string;
                            placedBy: "operator" | "account";
                            /** Format: date-time */
                            createdAt: string;
                            releasedAt: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/privacy/records-of-processing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Records of processing (GDPR Art. 30) for your account, generated from its configuration */
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
                            accountId: string;
                            /** @description the account: it decides why its customers are messaged */
                            controller: string;
                            processor: string;
                            /** Format: date-time */
                            generatedAt: string;
                            activities: {
                                name: string;
                                purposes: string[];
                                legalBases: string[];
                                dataSubjects: string[];
                                personalData: string[];
                            }[];
                            /** @description connectors carrying the account's traffic, and Meta when WhatsApp is used */
                            recipients: {
                                name: string;
                                kind: string;
                                role: string;
                            }[];
                            transfers: string[];
                            retention: {
                                category: "message_content" | "message_metadata" | "inbound_media" | "webhook_delivery_logs" | "exports" | "audit_free_text" | "email_outbox" | "portal_sessions" | "portal_tokens" | "disabled_users";
                                /** @description kept this many days after creation (or, for sessions, links and disabled users, after they ended), then erased or deleted */
                                days: number;
                                /** @description who set the period: you, your operator for the platform, or the shipped default */
                                source: "account" | "platform" | "default";
                                minimum: number;
                                maximum: number;
                                what: string;
                                /** @description why the minimum and the default are what they are */
                                why: string;
                            }[];
                            securityMeasures: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/privacy/retention-defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platform's retention periods for accounts that set none */
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
                            data: {
                                category: "message_content" | "message_metadata" | "inbound_media" | "webhook_delivery_logs" | "exports" | "audit_free_text" | "email_outbox" | "portal_sessions" | "portal_tokens" | "disabled_users";
                                days: number;
                                source: "platform" | "default";
                                minimum: number;
                                maximum: number;
                                why: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** Change the platform's retention periods (days), within each category's minimum and maximum */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categories: {
                            /** @description days */
                            message_content?: number;
                            /** @description days */
                            message_metadata?: number;
                            /** @description days */
                            inbound_media?: number;
                            /** @description days */
                            webhook_delivery_logs?: number;
                            /** @description days */
                            exports?: number;
                            /** @description days */
                            audit_free_text?: number;
                            /** @description days */
                            email_outbox?: number;
                            /** @description days */
                            portal_sessions?: number;
                            /** @description days */
                            portal_tokens?: number;
                            /** @description days */
                            disabled_users?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                category: "message_content" | "message_metadata" | "inbound_media" | "webhook_delivery_logs" | "exports" | "audit_free_text" | "email_outbox" | "portal_sessions" | "portal_tokens" | "disabled_users";
                                days: number;
                                source: "platform" | "default";
                                minimum: number;
                                maximum: number;
                                why: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/legal-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Place a legal hold on a whole account: retention stops for it until released */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            scope: "account" | "subject";
                            /** @description the person held, as the first 16 hex of their subject hash (the anon_ pseudonym); null for the whole account */
                            subjectId: string | null;
                            reason: string;
                            placedBy: "operator" | "account";
                            /** Format: date-time */
                            createdAt: string;
                            releasedAt: string | null;
                        };
                    };
                };
            };
        };
        /** Release the account-wide legal holds of an account */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
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
                        "application/json": {
                            data: {
                                id: string;
                                scope: "account" | "subject";
                                /** @description the person held, as the first 16 hex of their subject hash (the anon_ pseudonym); null for the whole account */
                                subjectId: string | null;
                                reason: string;
                                placedBy: "operator" | "account";
                                /** Format: date-time */
                                createdAt: string;
                                releasedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/records-of-processing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's records of processing (GDPR Art. 30) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
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
                        "application/json": {
                            accountId: string;
                            /** @description the account: it decides why its customers are messaged */
                            controller: string;
                            processor: string;
                            /** Format: date-time */
                            generatedAt: string;
                            activities: {
                                name: string;
                                purposes: string[];
                                legalBases: string[];
                                dataSubjects: string[];
                                personalData: string[];
                            }[];
                            /** @description connectors carrying the account's traffic, and Meta when WhatsApp is used */
                            recipients: {
                                name: string;
                                kind: string;
                                role: string;
                            }[];
                            transfers: string[];
                            retention: {
                                category: "message_content" | "message_metadata" | "inbound_media" | "webhook_delivery_logs" | "exports" | "audit_free_text" | "email_outbox" | "portal_sessions" | "portal_tokens" | "disabled_users";
                                /** @description kept this many days after creation (or, for sessions, links and disabled users, after they ended), then erased or deleted */
                                days: number;
                                /** @description who set the period: you, your operator for the platform, or the shipped default */
                                source: "account" | "platform" | "default";
                                minimum: number;
                                maximum: number;
                                what: string;
                                /** @description why the minimum and the default are what they are */
                                why: string;
                            }[];
                            securityMeasures: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Message counts per hour, channel, direction and current status (at most 31 days) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
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
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            data: {
                                /** Format: date-time */
                                hour: string;
                                channel: string;
                                direction: string;
                                status: string;
                                count: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reports/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platform at a glance for the operators' home: every account's messages since a time (at most 31 days ago) per status, and the messages held now per reason */
        get: {
            parameters: {
                query: {
                    since: string;
                };
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
                            /** Format: date-time */
                            since: string;
                            messages: {
                                status: string;
                                count: number;
                            }[];
                            held: {
                                /** @description traffic_hold, fraud_review, connector or country (a platform hold), as in holdReason */
                                reason: string;
                                count: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find messages, contacts, numbers and webhook endpoints by id, phone number or email; operators also accounts and connectors by id or name
         * @description Never searches message text. Each kind shows only to a caller whose scopes read it, and only from the caller's own account (operators: accounts, connectors and the owner of a number across the platform).
         */
        get: {
            parameters: {
                query: {
                    /** @description an id (msg_…, ctc_…, num_…, whk_…, acc_…, con_…), a phone number, an email, or (operators) part of a name */
                    q: string;
                };
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
                            data: {
                                kind: "message" | "contact" | "number" | "webhook_endpoint" | "account" | "connector";
                                id: string;
                                /** @description the account it belongs to; null for connectors (the platform's) */
                                accountId: string | null;
                                title: string;
                                detail: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandbox/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Emails kept by the sandbox for your account, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page size (≤ 1000). */
                    limit?: number;
                    /** @description nextCursor of the previous page. */
                    cursor?: string;
                };
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
                            data: {
                                id: string;
                                to: string;
                                subject: string;
                                text: string;
                                html: string | null;
                                status: string;
                                /** Format: date-time */
                                createdAt: string;
                                sentAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandbox/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Simulate an inbound SMS or WhatsApp message from a phone to one of your numbers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default sms */
                        channel?: "sms" | "whatsapp";
                        from: string;
                        to: string;
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            direction: "outbound" | "inbound";
                            channel: string;
                            status: "scheduled" | "held" | "queued" | "sending" | "sent" | "delivered" | "undelivered" | "read" | "failed" | "expired" | "rejected" | "canceled" | "received";
                            to: string;
                            from: string | null;
                            body: string | null;
                            encoding: "GSM-7" | "UCS-2" | null;
                            segments: number | null;
                            purpose: string;
                            priority: string;
                            scheduledAt: string | null;
                            validUntil: string | null;
                            reference: string | null;
                            metadata: {
                                [key: string]: string;
                            } | null;
                            callbackUrl: string | null;
                            storeContent: boolean;
                            connectorId: string | null;
                            /** @description what the parts sent so far cost, excluding VAT; null until rated (test keys are never billed) */
                            price: {
                                /** @description millionths of the currency unit (SMS prices are fractions of a cent) */
                                amountMicros: number;
                                currency: string;
                            } | null;
                            error: {
                                code: string;
                                title: string;
                                detail: string;
                            } | null;
                            /** @description WhatsApp: the content sent (template, media, interactive, reaction or location) */
                            whatsapp: {
                                [key: string]: unknown;
                            } | null;
                            /** @description while held, why: traffic_hold (the account's kill switch), fraud_review, connector:<id> or country:<CC> (platform holds) */
                            holdReason: string | null;
                            /** @description the fraud rules' decision and its reasons; null when they did not run */
                            fraud: {
                                /** @description what was done: review holds the message, block rejects it */
                                action: "allow" | "review" | "block";
                                /** @description what the rules asked for (differs from action in monitor mode) */
                                wouldAction: "allow" | "review" | "block";
                                mode: "monitor" | "enforce";
                                score: number;
                                rules: {
                                    rule: string;
                                    score: number;
                                    explanation: string;
                                }[];
                                /** Format: date-time */
                                decidedAt: string;
                            } | null;
                            /** @description set when the body and media were deleted (retention period passed or an erasure request): body is then null */
                            contentErased: {
                                /** Format: date-time */
                                at: string;
                                reason: "retention" | "erasure";
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        } & {
                            events: {
                                status: string;
                                /** Format: date-time */
                                at: string;
                                channel: string;
                                connectorId: string | null;
                                errorCode: string | null;
                            }[];
                            attempts: {
                                attempt: number;
                                channel: string;
                                connectorId: string | null;
                                status: string;
                                errorCode: string | null;
                                /** Format: date-time */
                                startedAt: string;
                                endedAt: string | null;
                            }[];
                        };
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Problem
         * @description RFC 9457 problem document
         */
        "def-0": {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            errors?: {
                pointer: string;
                detail: string;
            }[];
        };
        /** Contact */
        "def-1": {
            id: string;
            phone: string | null;
            name: string | null;
            email: string | null;
            whatsappId: string | null;
            attributes: {
                [key: string]: string | number | boolean;
            };
            tags: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** PrivacyRequest */
        "def-2": {
            id: string;
            /** @enum {unknown} */
            type: "access" | "portability" | "rectification" | "erasure" | "objection" | "restriction" | "automated_decision_review";
            status: "received" | "in_progress" | "completed" | "rejected";
            /** @description end_user: one of the account's customers (the account is controller); platform: a portal user or email address the platform itself is controller for (filed by operators) */
            subjectKind: "end_user" | "platform";
            subject: {
                phone?: string;
                email?: string;
                contactId?: string;
                userId?: string;
            } | null;
            note: string | null;
            notes: {
                /** Format: date-time */
                at: string;
                by: {
                    type: string;
                    id: string;
                };
                text: string;
            }[];
            assignee: string | null;
            /** Format: date-time */
            receivedAt: string;
            /**
             * Format: date-time
             * @description one month after receipt (GDPR Art. 12(3)), three after an extension
             */
            dueAt: string;
            extension: {
                reason: string;
            } | null;
            startedAt: string | null;
            completedAt: string | null;
            rejectionReason: string | null;
            result: {
                [key: string]: unknown;
            } | null;
            export: {
                url: string;
                /** Format: date-time */
                expiresAt: string;
            } | null;
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
