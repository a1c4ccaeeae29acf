import { registerEnumType } from 'type-graphql';

export enum WebhookSubscriptionStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
}

registerEnumType(WebhookSubscriptionStatus, {
  name: 'WebhookSubscriptionStatus',
  description: '订阅状态。Whether a subscription receives events.',
  valuesConfig: {
    ACTIVE: { description: '启用。Events committed while active are delivered.' },
    PAUSED: { description: '暂停。Events committed while paused are not delivered; deliveries already queued wait (HELD) until it is resumed.' },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  RETRYING = 'RETRYING',
  HELD = 'HELD',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: '投递状态。Where a delivery of one event to one subscription stands.',
  valuesConfig: {
    PENDING: { description: '待投递。Queued, not attempted yet (or queued again by a redelivery).' },
    RETRYING: { description: '重试中。The last attempt failed; the next comes after an exponential backoff with jitter.' },
    HELD: { description: '暂缓。The subscription is paused: sent once it is resumed.' },
    DELIVERED: { description: '已送达。The receiver answered 2xx.' },
    DEAD: { description: '死信。Every attempt failed (WEBHOOK_MAX_ATTEMPTS), or the client may no longer receive it; redeliverWebhookDelivery sends it again.' },
  },
});

export enum WebhookAttemptError {
  TIMEOUT = 'TIMEOUT',
  DNS = 'DNS',
  CONNECTION = 'CONNECTION',
  TLS = 'TLS',
  REDIRECT = 'REDIRECT',
  HTTP_STATUS = 'HTTP_STATUS',
  DESTINATION_REFUSED = 'DESTINATION_REFUSED',
  CLIENT_INACTIVE = 'CLIENT_INACTIVE',
  NOT_READABLE = 'NOT_READABLE',
  SHUTDOWN = 'SHUTDOWN',
  INTERRUPTED = 'INTERRUPTED',
}

registerEnumType(WebhookAttemptError, {
  name: 'WebhookAttemptError',
  description: '投递失败类别。Why an attempt failed.',
  valuesConfig: {
    TIMEOUT: { description: '超时。No complete answer within WEBHOOK_TIMEOUT_MS.' },
    DNS: { description: '域名解析失败。The receiver\'s host name did not resolve.' },
    CONNECTION: { description: '连接失败。The connection was refused, reset or could not be made.' },
    TLS: { description: '证书错误。The TLS handshake failed (certificate not valid for the host, expired, untrusted).' },
    REDIRECT: { description: '重定向。The receiver answered 3xx; redirects are not followed.' },
    HTTP_STATUS: { description: '非成功状态。The receiver answered 4xx or 5xx.' },
    DESTINATION_REFUSED: { description: '目标被拒。The destination resolved to a private, loopback or link-local address not listed in WEBHOOK_INTERNAL_HOSTS, or is no longer allowed.' },
    CLIENT_INACTIVE: { description: '客户端已停用。The API client is disabled or expired: nothing was sent.' },
    NOT_READABLE: { description: '无权读取。The client may no longer read the event\'s record (its grants changed): nothing was sent.' },
    SHUTDOWN: { description: '网关停止。The gateway stopped during the attempt; another attempt follows.' },
    INTERRUPTED: { description: '中断。The gateway making the last attempt stopped before it ended; its outcome is unknown.' },
  },
});
