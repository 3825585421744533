package io.ipkeeper.server.webhooks;

import io.ipkeeper.server.api.ApiRoutes;
import io.ipkeeper.server.api.Bodies;
import io.ipkeeper.server.api.Lookups;
import io.ipkeeper.server.api.Paging;
import io.ipkeeper.server.auth.Permission;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/webhooks} (admin): subscribe (the secret is in this one response only), list, delete. */
public final class WebhookRoutes {
    private WebhookRoutes() {}

    /** Body of {@code POST /api/v1/webhooks}. */
    public record CreateWebhook(String url, List<String> events, String secret, String description) {}

    public static void register(ApiRoutes api, Subscriptions subscriptions) {
        api.get("/api/v1/webhooks", Permission.MANAGE_WEBHOOKS, ctx -> {
            Paging paging = Paging.of(ctx);
            ctx.json(paging.page(ctx, subscriptions.list().stream().map(Subscription::view).toList()));
        }).summary("webhooks", "List webhook subscriptions (never their secrets) with their undelivered events")
                .paged().returns(200, "WebhookPage");

        api.post("/api/v1/webhooks", Permission.MANAGE_WEBHOOKS, ctx -> {
            CreateWebhook b = Bodies.read(ctx, CreateWebhook.class);
            Subscriptions.Created c = subscriptions.create(ApiRoutes.principal(ctx).actor(), b.url(), b.events(),
                    b.secret(), b.description());
            Map<String, Object> view = c.subscription().view();
            view.put("secret", c.secret());
            ctx.status(201).header("Location", "/api/v1/webhooks/" + c.subscription().id())
                    .header("Cache-Control", "no-store").json(view);
        }).summary("webhooks", "Subscribe a URL to event types; the response holds the signing secret, shown this once")
                .body("CreateWebhook").returns(201, "CreatedWebhook");

        api.delete("/api/v1/webhooks/{id}", Permission.MANAGE_WEBHOOKS, ctx -> {
            Subscription s = subscriptions.delete(ApiRoutes.principal(ctx).actor(), Lookups.id(ctx, "id"));
            ctx.json(s.view());
        }).summary("webhooks", "Delete a webhook subscription and its undelivered events").returns(200, "Webhook");
    }
}
