package io.acog.core;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A channel's monthly provider budget is used up: no further stage of its episodes starts this
 * month. Raise {@code platform_config.monthly_budget_usd} and retry the episodes, or wait for the
 * next month.
 */
public class BudgetExceededException extends AcogException {

    private static final long serialVersionUID = 1L;

    private final UUID channelId;
    private final BigDecimal budgetUsd;
    private final BigDecimal spentUsd;

    public BudgetExceededException(UUID channelId, BigDecimal budgetUsd, BigDecimal spentUsd) {
        super("channel " + channelId + " has spent $" + spentUsd.toPlainString() + " of its monthly"
                + " budget of $" + budgetUsd.toPlainString() + "; no stage starts until the budget"
                + " is raised or the month ends");
        this.channelId = channelId;
        this.budgetUsd = budgetUsd;
        this.spentUsd = spentUsd;
    }

    public UUID channelId() {
        return channelId;
    }

    public BigDecimal budgetUsd() {
        return budgetUsd;
    }

    public BigDecimal spentUsd() {
        return spentUsd;
    }
}
