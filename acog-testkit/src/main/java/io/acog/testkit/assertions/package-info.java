/** AssertJ assertions for ACOG's domain types: {@link io.acog.testkit.assertions.AcogAssertions}. */
package io.acog.testkit.assertions;
