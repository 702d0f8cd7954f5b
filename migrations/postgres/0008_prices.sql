-- Prices: what a seat of each category costs at an event, in hundredths of the currency the
-- configuration names (`sales.currency`). The category '' is the event's default: the price
-- of every seat whose category has none of its own (or that has no category).

CREATE TABLE category_prices (
    event_id    uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    category    text NOT NULL,
    price_minor bigint NOT NULL CHECK (price_minor >= 0 AND price_minor <= 100000000000),
    PRIMARY KEY (event_id, category)
);
