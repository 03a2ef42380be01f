/** ACOG's Spring Boot auto-configuration. */
package io.acog.spring.boot;
