/** Channels: brands with a persona, a style guide, voice and avatar profiles. */
package io.acog.core.channel;
