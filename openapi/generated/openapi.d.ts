// GENERATED FILE: do not edit. Run `pnpm gen` after changing openapi/openapi.yaml.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check service health
         * @description Reports whether the service and its database are reachable. Not rate
         *     limited and needs no authentication, so load balancers can poll it.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a new account
         * @description Creates a user with the `user` role. Emails are unique regardless of
         *     case; usernames are unique. Rate limited per IP (10 per minute by
         *     default).
         */
        post: operations["registerUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in and get a token pair
         * @description Authenticates with `password` plus either `email` or `username` (a
         *     `username` that is an email address also works). Wrong credentials and
         *     unknown accounts get the same 401 `INVALID_CREDENTIALS` answer in similar
         *     time. Throttled per IP and per account: the 11th failed attempt on one
         *     account within the window is 429, even when attempts arrive at once
         *     and whether they name the account by email or by username (one budget
         *     per account); until the window ends the right password is 429 too.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new token pair
         * @description Returns a new access token and a **new** refresh token; the one sent is
         *     used up. Presenting a refresh token that was already used revokes the
         *     whole session (every token of that family) and answers 401
         *     `TOKEN_REVOKED`.
         */
        post: operations["refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the current session
         * @description Revokes the session the access token belongs to: that access token and
         *     every refresh token of its family stop working at once.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End every session of the user (log out everywhere)
         * @description Revokes every session of the account the access token belongs to, this
         *     one included, on every device: all its access tokens and refresh tokens
         *     stop working at once, on every server instance. For a lost or shared
         *     device; to keep the current session, change the password instead.
         */
        post: operations["logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the authenticated user
         * @description Returns the account the access token belongs to.
         */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change the password
         * @description Changes the authenticated user's password. The current password is
         *     required (401 `INVALID_CREDENTIALS` when wrong). Every other session of
         *     the user is revoked; the calling session stays valid.
         */
        put: operations["changePassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Admin only. Filters combine with AND; `search` matches username, email
         *     and full name (case-insensitive substring). Ordered by id.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user
         * @description Admin only. Like registration, but the role can be chosen.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * Get a user
         * @description A user may read their own account; admins may read any.
         */
        get: operations["getUser"];
        /**
         * Update a user (deprecated PUT alias)
         * @deprecated
         * @description Same semantics as `updateUser` (a partial update). Kept for clients
         *     written against older documentation; use PATCH.
         */
        put: operations["replaceUser"];
        post?: never;
        /**
         * Deactivate a user
         * @description Admin only. A soft delete: the account is kept (its orders stay
         *     attributable) but can no longer log in, and all of its tokens stop
         *     working at once. Deactivating the last active admin is 409.
         *     `reactivateUser` undoes it.
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /**
         * Update a user
         * @description Partial update of `username`, `email` and `full_name` by the user or an
         *     admin. Any other field (`role`, `is_active`, ...) is 422, never silently
         *     applied: roles change through `setUserRole`.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/users/{user_id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a user
         * @description Admin only. Undoes `deleteUser`: the account can log in again. Its
         *     sessions ended at deactivation stay ended, so it signs in afresh.
         *     Reactivating an active user changes nothing (200).
         */
        post: operations["reactivateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Set a user's role
         * @description Admin only. Demoting the last active admin is 409 `CONFLICT`, so the
         *     shop can never lock itself out.
         */
        put: operations["setUserRole"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products
         * @description The public catalogue. `search` is a case-insensitive substring match on
         *     name and description (`%` and `_` are matched literally). Filters
         *     combine with AND. Deleted products never appear.
         *
         *     Search and every sort order are served by indexes (trigram indexes
         *     for `search`, one b-tree per sort order), so a page costs about the
         *     same in a catalogue of ten thousand or a million products. For the
         *     same reason `total` is counted exactly only up to 1,000 matches;
         *     above that it is the database planner's estimate (typically within
         *     a factor of two), never lower than what the current page proves.
         *     `has_next` is always exact.
         */
        get: operations["listProducts"];
        put?: never;
        /**
         * Create a product
         * @description Admin only. `created_by` is the calling admin.
         */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{product_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product's id. */
                product_id: components["parameters"]["ProductId"];
            };
            cookie?: never;
        };
        /**
         * Get a product
         * @description Public. Deleted products are 404. The `ETag` feeds `If-Match` on updates.
         */
        get: operations["getProduct"];
        /**
         * Update a product (deprecated PUT alias)
         * @deprecated
         * @description Same semantics as `updateProduct` (a partial update). Use PATCH.
         */
        put: operations["replaceProduct"];
        post?: never;
        /**
         * Delete a product
         * @description Admin only. A product that no order references is removed; one that
         *     orders reference is soft-deleted: it leaves the catalogue (404 from
         *     `getProduct`) and orders keep their name and price snapshots.
         */
        delete: operations["deleteProduct"];
        options?: never;
        head?: never;
        /**
         * Update a product
         * @description Admin only. Partial update; `created_by` and `id` cannot be set. With
         *     `If-Match`, a product changed since that ETag is 412 and nothing
         *     changes.
         */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders
         * @description Users see only their own orders. Admins see everyone's and may filter
         *     by `user_id` (ignored for users). Newest first.
         */
        get: operations["listOrders"];
        put?: never;
        /**
         * Place an order
         * @description Accepts the order at once with `status: pending` and queues it for
         *     processing. The answer already carries each item's `product_name` and
         *     `unit_price` and the `total_amount`: the order is placed at the prices
         *     of this moment. Processing then reserves the stock, usually within
         *     milliseconds; `getOrder` with `Prefer: wait=N` answers with the
         *     outcome (`completed`, or `failed` with a `failure_reason`) as soon as
         *     there is one. 1-100 items, quantity 1-1000 each, each
         *     product at most once (422 otherwise). An unknown or deleted product is
         *     400 `BAD_REQUEST` naming it. Send an `Idempotency-Key` to retry safely.
         */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{order_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order's id. */
                order_id: components["parameters"]["OrderId"];
            };
            cookie?: never;
        };
        /**
         * Get an order
         * @description The owner or an admin. Items carry the `product_name` and `unit_price`
         *     the order was placed at.
         *
         *     **Waiting for the outcome** (long poll, RFC 7240): send `Prefer: wait=N`
         *     (seconds, at most 30; more counts as 30). While the order is `pending`
         *     or `processing`, the answer comes as soon as its status changes, or
         *     after N seconds with the order as it then is, and carries
         *     `Preference-Applied: wait=N`. An order that is already past processing
         *     is answered at once, without `Preference-Applied`; so is every request
         *     when the server already holds its maximum of waiting requests
         *     (`ORDER_WAIT_MAX_WAITERS`), in which case the client should simply poll.
         *     A status change made on any server instance ends the wait. So does the
         *     end of the token's session (a logout, logging out everywhere, a
         *     deactivation): the answer is then 401 at once, as for any request with
         *     that token. Other preferences in `Prefer` are ignored.
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        /**
         * Cancel an order (deprecated DELETE alias)
         * @deprecated
         * @description Same as `cancelOrder` but answers 204. The order is kept with status
         *     `cancelled`. Use `cancelOrder`.
         */
        delete: operations["deleteOrder"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{order_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order's id. */
                order_id: components["parameters"]["OrderId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Move an order through its lifecycle (deprecated PUT alias)
         * @deprecated
         * @description Same as `updateOrderStatus`. Use PATCH.
         */
        put: operations["replaceOrderStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Move an order through its lifecycle
         * @description Admin only. Allowed: `completed → shipped → delivered`, and
         *     `cancelled` from `pending`, `processing` or `completed` (returning
         *     reserved stock). `processing`, `completed` and `failed` are set by
         *     order processing only; the request schema lists every status so that
         *     clients can send any, and asking for one of those is 409 like any other
         *     transition that is not allowed: `INVALID_TRANSITION`, naming the
         *     current status. With `If-Match`, a stale ETag is 412.
         */
        patch: operations["updateOrderStatus"];
        trace?: never;
    };
    "/orders/{order_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order's id. */
                order_id: components["parameters"]["OrderId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an order
         * @description The owner or an admin may cancel a `pending`, `processing` or
         *     `completed` order; a completed order's reserved stock is returned.
         *     Once shipped it is 409 `INVALID_TRANSITION`.
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description Admin only. Every endpoint, newest first. Secrets are never listed:
         *     they are shown once, by `createWebhookEndpoint` and
         *     `rotateWebhookEndpointSecret`.
         */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Subscribe an endpoint to order events
         * @description Admin only. Registers a URL that receives the chosen `events` (see
         *     the `webhooks` section), signed per the Standard Webhooks spec. The
         *     answer carries the signing `secret` (`whsec_…`): it is shown here
         *     and on rotation only, so store it now.
         *
         *     In production the URL must be `https`. Its host must not be, or
         *     resolve to, a loopback, private, link-local (cloud metadata
         *     included), multicast or unspecified address, IPv4 or IPv6: such a URL
         *     is 422 `VALIDATION_ERROR` on `/body/url` (the server's
         *     `WEBHOOK_ALLOW_PRIVATE_NETWORKS` lifts the address rule for
         *     development). The address is checked again at every delivery.
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{endpoint_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id. */
                endpoint_id: components["parameters"]["EndpointId"];
            };
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description Admin only. The endpoint, without its secret; `disabled_reason` says why a disabled one stopped.
         */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Admin only. The endpoint and its deliveries are deleted; nothing more is sent to it.
         */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /**
         * Change, disable or enable a webhook endpoint
         * @description Admin only. Changes the `url` (checked as on creation), the `events`
         *     or the `description`; `enabled: false` disables the endpoint (events
         *     are no longer delivered to it), `enabled: true` enables it again and
         *     resets its failure count.
         */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/webhook-endpoints/{endpoint_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id. */
                endpoint_id: components["parameters"]["EndpointId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an endpoint's signing secret
         * @description Admin only. Answers with the new `secret`. For 24 hours every
         *     delivery carries two signatures in `webhook-signature`, one with the
         *     new secret and one with the old, so the receiver can switch at its
         *     own pace; after that only the new one signs.
         */
        post: operations["rotateWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{endpoint_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id. */
                endpoint_id: components["parameters"]["EndpointId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a ping event
         * @description Admin only. Queues a `ping` event to this endpoint (whatever its
         *     `events`) and answers 202 with the delivery; follow it with
         *     `listWebhookDeliveries`. A disabled endpoint is 409 `CONFLICT`.
         */
        post: operations["testWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{endpoint_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id. */
                endpoint_id: components["parameters"]["EndpointId"];
            };
            cookie?: never;
        };
        /**
         * List an endpoint's deliveries
         * @description Admin only. One delivery per event sent to this endpoint, newest
         *     first: its status, attempts, the last attempt's response code,
         *     duration and error, and when the next attempt is due.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook delivery's id. */
                delivery_id: components["parameters"]["DeliveryId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a delivery
         * @description Admin only. Sends a `delivered` or `failed` delivery again now, with
         *     the same `webhook-id`, and answers 202. A delivery still pending
         *     (its next attempt is already scheduled) or one whose endpoint is
         *     disabled is 409 `CONFLICT`.
         */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "order.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.created
         * @description An order was placed (status `pending`). Sent to every enabled endpoint subscribed to `order.created`,
         *     at least once: the same event keeps its `webhook-id` on every
         *     attempt, so drop duplicates by it. Verify the signature before trusting
         *     the body (the `standardwebhooks` library, or `verifyWebhook` of
         *     `@storefront/sdk`).
         */
        post: operations["orderCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.completed
         * @description Processing reserved the stock (status `completed`). Sent to every enabled endpoint subscribed to `order.completed`,
         *     at least once: the same event keeps its `webhook-id` on every
         *     attempt, so drop duplicates by it. Verify the signature before trusting
         *     the body (the `standardwebhooks` library, or `verifyWebhook` of
         *     `@storefront/sdk`).
         */
        post: operations["orderCompletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.failed
         * @description Processing could not take the stock (status `failed`, with `failure_reason`). Sent to every enabled endpoint subscribed to `order.failed`,
         *     at least once: the same event keeps its `webhook-id` on every
         *     attempt, so drop duplicates by it. Verify the signature before trusting
         *     the body (the `standardwebhooks` library, or `verifyWebhook` of
         *     `@storefront/sdk`).
         */
        post: operations["orderFailedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.cancelled
         * @description The owner or an admin cancelled the order. Sent to every enabled endpoint subscribed to `order.cancelled`,
         *     at least once: the same event keeps its `webhook-id` on every
         *     attempt, so drop duplicates by it. Verify the signature before trusting
         *     the body (the `standardwebhooks` library, or `verifyWebhook` of
         *     `@storefront/sdk`).
         */
        post: operations["orderCancelledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.shipped": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.shipped
         * @description An admin marked the order shipped. Sent to every enabled endpoint subscribed to `order.shipped`,
         *     at least once: the same event keeps its `webhook-id` on every
         *     attempt, so drop duplicates by it. Verify the signature before trusting
         *     the body (the `standardwebhooks` library, or `verifyWebhook` of
         *     `@storefront/sdk`).
         */
        post: operations["orderShippedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.delivered
         * @description An admin marked the order delivered. Sent to every enabled endpoint subscribed to `order.delivered`,
         *     at least once: the same event keeps its `webhook-id` on every
         *     attempt, so drop duplicates by it. Verify the signature before trusting
         *     the body (the `standardwebhooks` library, or `verifyWebhook` of
         *     `@storefront/sdk`).
         */
        post: operations["orderDeliveredWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * ping
         * @description A test event from `testWebhookEndpoint`. Sent to every enabled endpoint subscribed to `ping` (`ping` goes to the endpoint tested, whatever it subscribed to),
         *     at least once: the same event keeps its `webhook-id` on every
         *     attempt, so drop duplicates by it. Verify the signature before trusting
         *     the body (the `standardwebhooks` library, or `verifyWebhook` of
         *     `@storefront/sdk`).
         */
        post: operations["pingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * Format: int32
         * @description A positive integer id.
         * @example 42
         */
        Id: number;
        /**
         * Format: date-time
         * @description RFC 3339 date-time in UTC.
         * @example 2026-11-02T10:15:00Z
         */
        Timestamp: string;
        /**
         * @description `admin` may manage users, products and every order.
         * @enum {string}
         */
        Role: "user" | "admin";
        /**
         * @description 3-32 letters, digits, `_`, `.` or `-`.
         * @example ada_l
         */
        Username: string;
        /**
         * Format: email
         * @description An email address; unique regardless of case.
         * @example ada@example.com
         */
        Email: string;
        /**
         * @description Display name.
         * @example Ada Lovelace
         */
        FullName: string | null;
        /**
         * @description 8-72 characters and at most 72 bytes in UTF-8 (bcrypt reads no more, so
         *     a longer password would be silently cut), with an upper-case letter, a
         *     lower-case letter, a digit and a special character. Over 72 bytes is
         *     422 naming the limit.
         * @example Analytical#Engine1
         */
        Password: string;
        /**
         * @description A price in the shop's currency, at most 2 decimals; stored exactly (NUMERIC).
         * @example 89.9
         */
        Price: number;
        /**
         * @description A price bound.
         * @example 10
         */
        PriceFilter: number;
        /**
         * Format: int32
         * @description Units available, at most 1,000,000,000 (the database holds the same
         *     limit). Cancelling an order whose returned stock would pass it is 409
         *     `CONFLICT` and changes nothing.
         * @example 12
         */
        Stock: number;
        /**
         * @description A free-form category name, matched exactly by the `category` filter.
         * @example electronics
         */
        Category: string | null;
        /**
         * @description Product name.
         * @example Mechanical keyboard
         */
        ProductName: string;
        /**
         * @description Product description.
         * @example Tenkeyless
         * @example brown switches
         */
        ProductDescription: string | null;
        /**
         * @description Where the order is in its lifecycle (see the guide above).
         * @enum {string}
         */
        OrderStatus: "pending" | "processing" | "completed" | "failed" | "shipped" | "delivered" | "cancelled";
        Health: {
            /** @enum {string} */
            status: "healthy" | "unhealthy";
            /** @enum {string} */
            database: "healthy" | "unhealthy";
            /** @description The API version. */
            version: string;
        };
        Message: {
            message: string;
        };
        User: {
            id: components["schemas"]["Id"];
            username: components["schemas"]["Username"];
            email: components["schemas"]["Email"];
            full_name: components["schemas"]["FullName"];
            role: components["schemas"]["Role"];
            /** @description False once the account is deactivated. */
            is_active: boolean;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        UserRegister: {
            username: components["schemas"]["Username"];
            email: components["schemas"]["Email"];
            password: components["schemas"]["Password"];
            full_name?: components["schemas"]["FullName"];
        };
        UserCreate: {
            username: components["schemas"]["Username"];
            email: components["schemas"]["Email"];
            password: components["schemas"]["Password"];
            full_name?: components["schemas"]["FullName"];
            role?: components["schemas"]["Role"];
        };
        UserUpdate: {
            username?: components["schemas"]["Username"];
            email?: components["schemas"]["Email"];
            full_name?: components["schemas"]["FullName"];
        };
        RoleUpdate: {
            role: components["schemas"]["Role"];
        };
        /** @description `password` plus either `email` or `username` (not both). */
        LoginRequest: components["schemas"]["LoginWithEmail"] | components["schemas"]["LoginWithUsername"];
        LoginWithEmail: {
            /** @description The account's email. */
            email: string;
            password: components["schemas"]["LoginPassword"];
        };
        LoginWithUsername: {
            /** @description The account's username, or its email. */
            username: string;
            password: components["schemas"]["LoginPassword"];
        };
        /** @description The account's password (at most 72 bytes in UTF-8, as when it was set). */
        LoginPassword: string;
        RefreshRequest: {
            refresh_token: string;
        };
        PasswordChange: {
            current_password: components["schemas"]["LoginPassword"];
            new_password: components["schemas"]["Password"];
        };
        TokenPair: {
            /** @description A JWT for the `Authorization` header. */
            access_token: string;
            /** @description Opaque; single use; exchange at `refreshToken`. */
            refresh_token: string;
            /** @constant */
            token_type: "bearer";
            /**
             * Format: int32
             * @description Seconds until the access token expires.
             */
            expires_in: number;
        };
        Product: {
            id: components["schemas"]["Id"];
            name: components["schemas"]["ProductName"];
            description: components["schemas"]["ProductDescription"];
            price: components["schemas"]["Price"];
            stock: components["schemas"]["Stock"];
            category: components["schemas"]["Category"];
            /**
             * Format: int32
             * @description The admin who created it.
             */
            created_by: number | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ProductCreate: {
            name: components["schemas"]["ProductName"];
            description?: components["schemas"]["ProductDescription"];
            price: components["schemas"]["Price"];
            stock?: components["schemas"]["Stock"];
            category?: components["schemas"]["Category"];
        };
        ProductUpdate: {
            name?: components["schemas"]["ProductName"];
            description?: components["schemas"]["ProductDescription"];
            price?: components["schemas"]["Price"];
            stock?: components["schemas"]["Stock"];
            category?: components["schemas"]["Category"];
        };
        OrderItem: {
            id: components["schemas"]["Id"];
            product_id: components["schemas"]["Id"];
            /** @description The product's name when the order was placed. */
            product_name: string;
            /** Format: int32 */
            quantity: number;
            /** @description The product's price when the order was placed; later repricing does not change it. */
            unit_price: number;
        };
        Order: {
            id: components["schemas"]["Id"];
            user_id: components["schemas"]["Id"];
            status: components["schemas"]["OrderStatus"];
            /** @description Exact sum of quantity × unit price, fixed when the order was placed. */
            total_amount: number;
            shipping_address: string;
            items: components["schemas"]["OrderItem"][];
            /** @description Why processing failed, for `failed` orders. */
            failure_reason: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        OrderItemCreate: {
            product_id: components["schemas"]["Id"];
            /** Format: int32 */
            quantity: number;
        };
        OrderCreate: {
            /** @description Each product at most once. */
            items: components["schemas"]["OrderItemCreate"][];
            shipping_address: string;
        };
        OrderStatusUpdate: {
            status: components["schemas"]["OrderStatus"];
        };
        CancelResult: {
            /** @constant */
            status: "success";
            message: string;
            order_id: components["schemas"]["Id"];
        };
        Page: {
            /**
             * Format: int32
             * @description Number of matching items. Exact for users and orders. For products
             *     (`listProducts`) it is exact up to 1,000 matches and an estimate
             *     from the database's statistics above that (and whenever the
             *     statistics predict more than 10,000), so a page of a huge catalogue
             *     never waits for a full count; on the page that reaches the end of
             *     the results it is always exact.
             */
            total: number;
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            page_size: number;
            /** @description Whether a later page has items. */
            has_next: boolean;
        };
        UserPage: components["schemas"]["Page"] & {
            items: components["schemas"]["User"][];
        };
        ProductPage: components["schemas"]["Page"] & {
            items: components["schemas"]["Product"][];
        };
        OrderPage: components["schemas"]["Page"] & {
            items: components["schemas"]["Order"][];
        };
        /** @description An RFC 9457 problem details object. */
        Problem: {
            /** Format: uri */
            type: string;
            title: string;
            /** Format: int32 */
            status: number;
            detail: string;
            code: components["schemas"]["ErrorCode"];
            request_id: string;
            /** @description For 422, one entry per invalid field. */
            errors?: {
                /** @description JSON pointer into the request, e.g. `/body/email`. */
                path: string;
                message: string;
            }[];
        };
        /**
         * @description An order event an endpoint can subscribe to: `order.created` when an
         *     order is placed, then one per status it reaches.
         * @enum {string}
         */
        WebhookEventType: "order.created" | "order.completed" | "order.failed" | "order.cancelled" | "order.shipped" | "order.delivered";
        /**
         * Format: uri
         * @description Where events are POSTed; `https` in production.
         * @example https://fulfilment.example.com/hooks/storefront
         */
        WebhookUrl: string;
        /** @description A note for people, e.g. which system this is. */
        WebhookDescription: string | null;
        WebhookEvents: components["schemas"]["WebhookEventType"][];
        WebhookEndpoint: {
            id: components["schemas"]["Id"];
            url: components["schemas"]["WebhookUrl"];
            events: components["schemas"]["WebhookEvents"];
            description: components["schemas"]["WebhookDescription"];
            /** @description Whether events are delivered to it. */
            enabled: boolean;
            disabled_at: components["schemas"]["Timestamp"] | null;
            /** @description Why it was disabled (by an admin, a 410 answer, or failing for too long). */
            disabled_reason: string | null;
            /**
             * Format: int32
             * @description Deliveries that failed for good in a row; too many disable the endpoint.
             */
            consecutive_failures: number;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        WebhookEndpointWithSecret: {
            id: components["schemas"]["Id"];
            url: components["schemas"]["WebhookUrl"];
            events: components["schemas"]["WebhookEvents"];
            description: components["schemas"]["WebhookDescription"];
            enabled: boolean;
            disabled_at: components["schemas"]["Timestamp"] | null;
            disabled_reason: string | null;
            /** Format: int32 */
            consecutive_failures: number;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description The Standard Webhooks signing secret; shown only here. */
            secret: string;
        };
        WebhookEndpointCreate: {
            url: components["schemas"]["WebhookUrl"];
            events: components["schemas"]["WebhookEvents"];
            description?: components["schemas"]["WebhookDescription"];
        };
        WebhookEndpointUpdate: {
            url?: components["schemas"]["WebhookUrl"];
            events?: components["schemas"]["WebhookEvents"];
            description?: components["schemas"]["WebhookDescription"];
            enabled?: boolean;
        };
        WebhookEndpointPage: components["schemas"]["Page"] & {
            items: components["schemas"]["WebhookEndpoint"][];
        };
        /**
         * @description The event's `webhook-id`, the same on every attempt.
         * @example msg_2Kq7Xb1nVfWcR4tY8eZa
         */
        WebhookEventId: string;
        WebhookDelivery: {
            id: components["schemas"]["Id"];
            endpoint_id: components["schemas"]["Id"];
            event_id: components["schemas"]["WebhookEventId"];
            /** @enum {string} */
            event_type: "order.created" | "order.completed" | "order.failed" | "order.cancelled" | "order.shipped" | "order.delivered" | "ping";
            /**
             * @description `pending` while attempts remain, `delivered` on a 2xx, `failed` when they ran out or the endpoint answered 410.
             * @enum {string}
             */
            status: "pending" | "delivered" | "failed";
            /** Format: int32 */
            attempts: number;
            /**
             * Format: int32
             * @description The HTTP status of the last attempt; null when it got none (timeout, refused).
             */
            last_status_code: number | null;
            /** Format: int32 */
            last_duration_ms: number | null;
            last_error: string | null;
            next_attempt_at: components["schemas"]["Timestamp"] | null;
            delivered_at: components["schemas"]["Timestamp"] | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        WebhookDeliveryPage: components["schemas"]["Page"] & {
            items: components["schemas"]["WebhookDelivery"][];
        };
        /** @description `order.created`: An order was placed (status `pending`). `data` is the order as `getOrder` returns it. */
        OrderCreatedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "order.created";
            timestamp: components["schemas"]["Timestamp"];
            data: components["schemas"]["Order"];
        };
        /** @description `order.completed`: Processing reserved the stock (status `completed`). `data` is the order as `getOrder` returns it. */
        OrderCompletedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "order.completed";
            timestamp: components["schemas"]["Timestamp"];
            data: components["schemas"]["Order"];
        };
        /** @description `order.failed`: Processing could not take the stock (status `failed`, with `failure_reason`). `data` is the order as `getOrder` returns it. */
        OrderFailedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "order.failed";
            timestamp: components["schemas"]["Timestamp"];
            data: components["schemas"]["Order"];
        };
        /** @description `order.cancelled`: The owner or an admin cancelled the order. `data` is the order as `getOrder` returns it. */
        OrderCancelledEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "order.cancelled";
            timestamp: components["schemas"]["Timestamp"];
            data: components["schemas"]["Order"];
        };
        /** @description `order.shipped`: An admin marked the order shipped. `data` is the order as `getOrder` returns it. */
        OrderShippedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "order.shipped";
            timestamp: components["schemas"]["Timestamp"];
            data: components["schemas"]["Order"];
        };
        /** @description `order.delivered`: An admin marked the order delivered. `data` is the order as `getOrder` returns it. */
        OrderDeliveredEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "order.delivered";
            timestamp: components["schemas"]["Timestamp"];
            data: components["schemas"]["Order"];
        };
        /** @description `ping`: sent by `testWebhookEndpoint` only. */
        PingEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ping";
            timestamp: components["schemas"]["Timestamp"];
            data: {
                endpoint_id: components["schemas"]["Id"];
            };
        };
        /** @description Any event a webhook endpoint receives, told apart by `type`. */
        WebhookEvent: components["schemas"]["OrderCreatedEvent"] | components["schemas"]["OrderCompletedEvent"] | components["schemas"]["OrderFailedEvent"] | components["schemas"]["OrderCancelledEvent"] | components["schemas"]["OrderShippedEvent"] | components["schemas"]["OrderDeliveredEvent"] | components["schemas"]["PingEvent"];
        /**
         * @description Stable machine-readable error code. A code never changes meaning; new codes may be added in a minor version, so clients treat a code they do not know by its HTTP status.
         * @enum {string}
         */
        ErrorCode: "VALIDATION_ERROR" | "BAD_REQUEST" | "AUTHENTICATION_ERROR" | "INVALID_CREDENTIALS" | "TOKEN_EXPIRED" | "TOKEN_REVOKED" | "AUTHORIZATION_ERROR" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "INVALID_TRANSITION" | "EMAIL_EXISTS" | "USERNAME_EXISTS" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "SERVER_ERROR" | "SERVICE_UNAVAILABLE";
    };
    responses: {
        /** @description Done; no body. */
        NoContent: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description Done. */
        Message: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Message"];
            };
        };
        /** @description A fresh token pair. */
        TokenPair: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TokenPair"];
            };
        };
        /** @description The user. */
        User: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["User"];
            };
        };
        /** @description The product. */
        Product: {
            headers: {
                ETag: components["headers"]["ETag"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Product"];
            };
        };
        /** @description The order. */
        Order: {
            headers: {
                ETag: components["headers"]["ETag"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Order"];
            };
        };
        /** @description The request could not be understood (malformed JSON, unknown product, ...). */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Missing, invalid, expired or revoked credentials. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                /** @description The authentication scheme to use. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Authenticated, but not allowed to do this. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request conflicts with the resource's current state. */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The email or username is already taken. */
        AccountConflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The `If-Match` ETag no longer matches; nothing was changed. */
        PreconditionFailed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request body is over 1 MiB. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request has invalid fields; `errors` names each. */
        ValidationFailed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limit exceeded; retry after `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description An unexpected error; details are logged under the request id, never returned. */
        ServerError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A dependency (the database) is unavailable or the server is overloaded; retry later. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The webhook endpoint (never its secret). */
        WebhookEndpoint: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookEndpoint"];
            };
        };
        /** @description The webhook endpoint with its signing secret, shown this once. */
        WebhookEndpointWithSecret: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookEndpointWithSecret"];
            };
        };
        /** @description The delivery, queued. */
        WebhookDelivery: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookDelivery"];
            };
        };
        /** @description Any 2xx counts as delivered; the body is ignored (and at most a few KiB of it read). */
        WebhookAccepted: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The receiver no longer wants events: the endpoint is disabled. Any other status, a timeout or a redirect is retried with backoff for about a day. */
        WebhookGone: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
    };
    parameters: {
        /** @description Page number, from 1. */
        Page: number;
        /** @description Items per page, 1-100. Over 100 is 422. */
        PageSize: number;
        /**
         * @description Case-insensitive substring to look for.
         * @example keyboard
         */
        Search: string;
        /** @description The user's id. */
        UserId: components["schemas"]["Id"];
        /** @description The product's id. */
        ProductId: components["schemas"]["Id"];
        /** @description The order's id. */
        OrderId: components["schemas"]["Id"];
        /**
         * @description The `ETag` from a previous read. When the resource changed since, the
         *     request is refused with 412 and nothing changes.
         * @example "p42-v3"
         */
        IfMatch: string;
        /**
         * @description A client-chosen unique key (a UUID is ideal). The same key with the
         *     same body returns the original order; with another body it is 409.
         *     Kept for 24 hours.
         * @example 3f1c2a9e-7b4d-4e8a-9c61-0d2b5e8f4a17
         */
        IdempotencyKey: string;
        /**
         * @description RFC 7240 preferences. `wait=N` asks to hold the answer until the
         *     order's status changes, for at most N seconds (0-30; more counts as
         *     30). Preferences the server does not know are ignored.
         * @example wait=10
         */
        PreferWait: string;
        /** @description The webhook endpoint's id. */
        EndpointId: components["schemas"]["Id"];
        /** @description The webhook delivery's id. */
        DeliveryId: components["schemas"]["Id"];
        /** @description The event's id (`msg_…`), the same on every attempt; receivers drop duplicates by it. */
        WebhookId: components["schemas"]["WebhookEventId"];
        /**
         * @description Seconds since the Unix epoch when this attempt was signed; refuse ones far from your clock (the libraries allow 5 minutes).
         * @example 1793441001
         */
        WebhookTimestamp: string;
        /**
         * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of
         *     `<webhook-id>.<webhook-timestamp>.<raw body>` with the endpoint's
         *     secret (the base64 after `whsec_`), per the Standard Webhooks spec.
         *     During the 24 hours after a rotation there are two: one per secret.
         * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
         */
        WebhookSignature: string;
    };
    requestBodies: {
        UserUpdate: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        ProductUpdate: {
            content: {
                "application/json": components["schemas"]["ProductUpdate"];
            };
        };
        OrderStatusUpdate: {
            content: {
                "application/json": components["schemas"]["OrderStatusUpdate"];
            };
        };
    };
    headers: {
        /** @description Identifies the request in the server's logs; also in problem bodies. */
        "X-Request-Id": string;
        /** @description Requests allowed in the current window. */
        "X-RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "X-RateLimit-Remaining": number;
        /** @description Seconds until the window resets. */
        "X-RateLimit-Reset": number;
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
        /** @description The URL of the created resource. */
        Location: string;
        /** @description Version tag of the resource, for `If-Match`. */
        ETag: string;
        /** @description The `wait` preference the server honoured (RFC 7240), e.g. `wait=10`. */
        "Preference-Applied": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service and its database are healthy. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The database is unreachable. */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    registerUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserRegister"];
            };
        };
        responses: {
            /** @description The account was created. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["AccountConflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            200: components["responses"]["TokenPair"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            200: components["responses"]["TokenPair"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Message"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    logoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Message"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["User"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            200: components["responses"]["Message"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1-100. Over 100 is 422. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only active (`true`) or deactivated (`false`) users. */
                is_active?: boolean;
                /** @description Only users with this role. */
                role?: components["schemas"]["Role"];
                /**
                 * @description Case-insensitive substring to look for.
                 * @example keyboard
                 */
                search?: components["parameters"]["Search"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of users. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description The user was created. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["AccountConflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["User"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UserUpdate"];
        responses: {
            200: components["responses"]["User"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["AccountConflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["NoContent"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UserUpdate"];
        responses: {
            200: components["responses"]["User"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["AccountConflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    reactivateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["User"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    setUserRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleUpdate"];
            };
        };
        responses: {
            200: components["responses"]["User"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1-100. Over 100 is 422. */
                page_size?: components["parameters"]["PageSize"];
                /**
                 * @description Case-insensitive substring to look for.
                 * @example keyboard
                 */
                search?: components["parameters"]["Search"];
                /**
                 * @description Exact category name.
                 * @example books
                 */
                category?: string;
                /** @description Lowest price, inclusive. */
                min_price?: components["schemas"]["PriceFilter"];
                /** @description Highest price, inclusive. */
                max_price?: components["schemas"]["PriceFilter"];
                /** @description `true`: only products with stock; `false`: only sold-out products. */
                in_stock?: boolean;
                /** @description Sort key; a leading `-` sorts descending. Ties break on id. */
                sort?: "created_at" | "-created_at" | "price" | "-price" | "name" | "-name";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of products. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductCreate"];
            };
        };
        responses: {
            /** @description The product was created. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product's id. */
                product_id: components["parameters"]["ProductId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Product"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceProduct: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` from a previous read. When the resource changed since, the
                 *     request is refused with 412 and nothing changes.
                 * @example "p42-v3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The product's id. */
                product_id: components["parameters"]["ProductId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ProductUpdate"];
        responses: {
            200: components["responses"]["Product"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The product's id. */
                product_id: components["parameters"]["ProductId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["NoContent"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` from a previous read. When the resource changed since, the
                 *     request is refused with 412 and nothing changes.
                 * @example "p42-v3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The product's id. */
                product_id: components["parameters"]["ProductId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ProductUpdate"];
        responses: {
            200: components["responses"]["Product"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1-100. Over 100 is 422. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only orders in this status. */
                status?: components["schemas"]["OrderStatus"];
                /** @description Admins only; only this user's orders. */
                user_id?: components["schemas"]["Id"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of orders. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A client-chosen unique key (a UUID is ideal). The same key with the
                 *     same body returns the original order; with another body it is 409.
                 *     Kept for 24 hours.
                 * @example 3f1c2a9e-7b4d-4e8a-9c61-0d2b5e8f4a17
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderCreate"];
            };
        };
        responses: {
            /** @description The order was accepted and is pending processing. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description RFC 7240 preferences. `wait=N` asks to hold the answer until the
                 *     order's status changes, for at most N seconds (0-30; more counts as
                 *     30). Preferences the server does not know are ignored.
                 * @example wait=10
                 */
                Prefer?: components["parameters"]["PreferWait"];
            };
            path: {
                /** @description The order's id. */
                order_id: components["parameters"]["OrderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The order; after a wait (`Preference-Applied` present), as it is
             *     when its status changed or the wait ran out.
             */
            200: {
                headers: {
                    "Preference-Applied": components["headers"]["Preference-Applied"];
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order's id. */
                order_id: components["parameters"]["OrderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["NoContent"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceOrderStatus: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` from a previous read. When the resource changed since, the
                 *     request is refused with 412 and nothing changes.
                 * @example "p42-v3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The order's id. */
                order_id: components["parameters"]["OrderId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["OrderStatusUpdate"];
        responses: {
            200: components["responses"]["Order"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateOrderStatus: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` from a previous read. When the resource changed since, the
                 *     request is refused with 412 and nothing changes.
                 * @example "p42-v3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The order's id. */
                order_id: components["parameters"]["OrderId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["OrderStatusUpdate"];
        responses: {
            200: components["responses"]["Order"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The order's id. */
                order_id: components["parameters"]["OrderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order was cancelled. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancelResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1-100. Over 100 is 422. */
                page_size?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of endpoints. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointCreate"];
            };
        };
        responses: {
            201: components["responses"]["WebhookEndpointWithSecret"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id. */
                endpoint_id: components["parameters"]["EndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookEndpoint"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id. */
                endpoint_id: components["parameters"]["EndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: components["responses"]["NoContent"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id. */
                endpoint_id: components["parameters"]["EndpointId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointUpdate"];
            };
        };
        responses: {
            200: components["responses"]["WebhookEndpoint"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    rotateWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id. */
                endpoint_id: components["parameters"]["EndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookEndpointWithSecret"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    testWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id. */
                endpoint_id: components["parameters"]["EndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: components["responses"]["WebhookDelivery"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1-100. Over 100 is 422. */
                page_size?: components["parameters"]["PageSize"];
            };
            header?: never;
            path: {
                /** @description The webhook endpoint's id. */
                endpoint_id: components["parameters"]["EndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of deliveries. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook delivery's id. */
                delivery_id: components["parameters"]["DeliveryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: components["responses"]["WebhookDelivery"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    orderCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (`msg_…`), the same on every attempt; receivers drop duplicates by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /**
                 * @description Seconds since the Unix epoch when this attempt was signed; refuse ones far from your clock (the libraries allow 5 minutes).
                 * @example 1793441001
                 */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of
                 *     `<webhook-id>.<webhook-timestamp>.<raw body>` with the endpoint's
                 *     secret (the base64 after `whsec_`), per the Standard Webhooks spec.
                 *     During the 24 hours after a rotation there are two: one per secret.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderCreatedEvent"];
            };
        };
        responses: {
            200: components["responses"]["WebhookAccepted"];
            410: components["responses"]["WebhookGone"];
        };
    };
    orderCompletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (`msg_…`), the same on every attempt; receivers drop duplicates by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /**
                 * @description Seconds since the Unix epoch when this attempt was signed; refuse ones far from your clock (the libraries allow 5 minutes).
                 * @example 1793441001
                 */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of
                 *     `<webhook-id>.<webhook-timestamp>.<raw body>` with the endpoint's
                 *     secret (the base64 after `whsec_`), per the Standard Webhooks spec.
                 *     During the 24 hours after a rotation there are two: one per secret.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderCompletedEvent"];
            };
        };
        responses: {
            200: components["responses"]["WebhookAccepted"];
            410: components["responses"]["WebhookGone"];
        };
    };
    orderFailedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (`msg_…`), the same on every attempt; receivers drop duplicates by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /**
                 * @description Seconds since the Unix epoch when this attempt was signed; refuse ones far from your clock (the libraries allow 5 minutes).
                 * @example 1793441001
                 */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of
                 *     `<webhook-id>.<webhook-timestamp>.<raw body>` with the endpoint's
                 *     secret (the base64 after `whsec_`), per the Standard Webhooks spec.
                 *     During the 24 hours after a rotation there are two: one per secret.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderFailedEvent"];
            };
        };
        responses: {
            200: components["responses"]["WebhookAccepted"];
            410: components["responses"]["WebhookGone"];
        };
    };
    orderCancelledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (`msg_…`), the same on every attempt; receivers drop duplicates by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /**
                 * @description Seconds since the Unix epoch when this attempt was signed; refuse ones far from your clock (the libraries allow 5 minutes).
                 * @example 1793441001
                 */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of
                 *     `<webhook-id>.<webhook-timestamp>.<raw body>` with the endpoint's
                 *     secret (the base64 after `whsec_`), per the Standard Webhooks spec.
                 *     During the 24 hours after a rotation there are two: one per secret.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderCancelledEvent"];
            };
        };
        responses: {
            200: components["responses"]["WebhookAccepted"];
            410: components["responses"]["WebhookGone"];
        };
    };
    orderShippedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (`msg_…`), the same on every attempt; receivers drop duplicates by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /**
                 * @description Seconds since the Unix epoch when this attempt was signed; refuse ones far from your clock (the libraries allow 5 minutes).
                 * @example 1793441001
                 */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of
                 *     `<webhook-id>.<webhook-timestamp>.<raw body>` with the endpoint's
                 *     secret (the base64 after `whsec_`), per the Standard Webhooks spec.
                 *     During the 24 hours after a rotation there are two: one per secret.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderShippedEvent"];
            };
        };
        responses: {
            200: components["responses"]["WebhookAccepted"];
            410: components["responses"]["WebhookGone"];
        };
    };
    orderDeliveredWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (`msg_…`), the same on every attempt; receivers drop duplicates by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /**
                 * @description Seconds since the Unix epoch when this attempt was signed; refuse ones far from your clock (the libraries allow 5 minutes).
                 * @example 1793441001
                 */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of
                 *     `<webhook-id>.<webhook-timestamp>.<raw body>` with the endpoint's
                 *     secret (the base64 after `whsec_`), per the Standard Webhooks spec.
                 *     During the 24 hours after a rotation there are two: one per secret.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderDeliveredEvent"];
            };
        };
        responses: {
            200: components["responses"]["WebhookAccepted"];
            410: components["responses"]["WebhookGone"];
        };
    };
    pingWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (`msg_…`), the same on every attempt; receivers drop duplicates by it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /**
                 * @description Seconds since the Unix epoch when this attempt was signed; refuse ones far from your clock (the libraries allow 5 minutes).
                 * @example 1793441001
                 */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of
                 *     `<webhook-id>.<webhook-timestamp>.<raw body>` with the endpoint's
                 *     secret (the base64 after `whsec_`), per the Standard Webhooks spec.
                 *     During the 24 hours after a rotation there are two: one per secret.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PingEvent"];
            };
        };
        responses: {
            200: components["responses"]["WebhookAccepted"];
            410: components["responses"]["WebhookGone"];
        };
    };
}
