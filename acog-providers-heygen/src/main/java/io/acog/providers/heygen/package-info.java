/** ACOG's HeyGen adapter (in progress). */
package io.acog.providers.heygen;
