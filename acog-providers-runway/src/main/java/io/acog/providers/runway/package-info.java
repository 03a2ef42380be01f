/** ACOG's Runway adapter (in progress). */
package io.acog.providers.runway;
