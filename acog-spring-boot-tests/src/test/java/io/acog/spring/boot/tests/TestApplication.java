package io.acog.spring.boot.tests;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A host application as small as it gets: auto-configuration only, no component scan (so the
 * configurations nested in test classes are added where a test asks for them, and nowhere else).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {}
