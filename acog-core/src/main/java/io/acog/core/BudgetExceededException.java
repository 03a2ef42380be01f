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

    /** The channel whose budget is used up. */
    private final UUID channelId;
    /** The channel's monthly budget, in US dollars. */
    private final BigDecimal budgetUsd;
    /** What the channel's episodes spent this month, in US dollars. */
    private final BigDecimal spentUsd;

    /**
     * Creates the exception; the message states the spending against the budget.
     *
     * @param channelId the channel
     * @param budgetUsd its monthly budget, in US dollars
     * @param spentUsd what it spent this month, in US dollars
     */
    public BudgetExceededException(UUID channelId, BigDecimal budgetUsd, BigDecimal spentUsd) {
        super("channel " + channelId + " has spent $" + spentUsd.toPlainString() + " of its monthly"
                + " budget of $" + budgetUsd.toPlainString() + "; no stage starts until the budget"
                + " is raised or the month ends");
        this.channelId = channelId;
        this.budgetUsd = budgetUsd;
        this.spentUsd = spentUsd;
    }

    /**
     * Returns the channel whose budget is used up.
     *
     * @return the channel's id
     */
    public UUID channelId() {
        return channelId;
    }

    /**
     * Returns the channel's monthly budget ({@code platform_config.monthly_budget_usd}).
     *
     * @return the budget in US dollars
     */
    public BigDecimal budgetUsd() {
        return budgetUsd;
    }

    /**
     * Returns what the channel's episodes spent on providers this calendar month (UTC).
     *
     * @return the spending in US dollars
     */
    public BigDecimal spentUsd() {
        return spentUsd;
    }
}
