/**
 * The implementation of the ACOG domain API. Not API: public only where other ACOG packages need
 * a class; anything here may change in any release.
 */
package io.acog.core.internal;
