/** Assets: the files an episode's stages produce, with typed metadata per asset type. */
package io.acog.core.asset;
