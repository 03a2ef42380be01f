package io.acog.core.pipeline;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/**
 * What a channel's episodes cost in a calendar month (UTC), and its budget if it has one.
 *
 * @param budgetUsd the channel's monthly budget; null for none
 */
public record ChannelCost(UUID channelId, YearMonth month, BigDecimal totalUsd, int episodes, BigDecimal budgetUsd) {}
