/** ACOG's meters for Micrometer. */
package io.acog.micrometer;
