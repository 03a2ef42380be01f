package io.acog.core.pipeline;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/**
 * What a channel's episodes cost in a calendar month (UTC), and its budget if it has one. Stages
 * stop starting once {@code totalUsd} reaches {@code budgetUsd}.
 *
 * @param channelId the channel
 * @param month the calendar month, in UTC
 * @param totalUsd what the channel's jobs that completed in the month cost, in US dollars
 * @param episodes how many episodes those jobs worked for
 * @param budgetUsd the channel's monthly budget; null for none
 */
public record ChannelCost(UUID channelId, YearMonth month, BigDecimal totalUsd, int episodes, BigDecimal budgetUsd) {}
