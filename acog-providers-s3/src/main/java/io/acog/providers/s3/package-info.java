/**
 * Asset storage on S3 or any S3-compatible server, with presigned GET URLs that providers such as
 * HeyGen and Runway fetch their inputs from. The one public type is {@link
 * io.acog.providers.s3.S3Plugin}, which lists the settings; the storage itself is reached through
 * {@link io.acog.spi.AssetStorage}. Built on the AWS SDK for Java 2.x (its synchronous S3 client on
 * the Apache HttpClient 5 client, and its presigner).
 */
package io.acog.providers.s3;
