/** Test support that is not about the database: {@link io.acog.testkit.TestClock}. */
package io.acog.testkit;
