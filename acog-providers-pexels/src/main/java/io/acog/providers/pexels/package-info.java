/** ACOG's Pexels adapter (in progress). */
package io.acog.providers.pexels;
