/** ACOG's Synthesia adapter (in progress). */
package io.acog.providers.synthesia;
