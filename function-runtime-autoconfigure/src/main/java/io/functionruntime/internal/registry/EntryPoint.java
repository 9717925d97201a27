package io.functionruntime.internal.registry;

import javax.lang.model.SourceVersion;

/**
 * A function's entry point, {@code <file>.<handler>}, validated as the cloud validates it.
 *
 * @param file the file name, letters, digits, {@code _} and {@code -}
 * @param handler the handler name, a Java identifier
 */
public record EntryPoint(String file, String handler) {

	/**
	 * Parses an entry point.
	 * @param value the text, such as {@code main.handler}
	 * @return the entry point
	 * @throws IllegalArgumentException naming what is wrong with it
	 */
	public static EntryPoint parse(String value) {
		int dot = value.indexOf('.');
		if (dot < 0 || dot != value.lastIndexOf('.')) {
			throw new IllegalArgumentException("it must have exactly one dot, as in 'main.handler'");
		}
		String file = value.substring(0, dot);
		String handler = value.substring(dot + 1);
		if (file.isEmpty() || !file.chars().allMatch(EntryPoint::isFileNameChar)) {
			throw new IllegalArgumentException(
					"the file name before the dot must be one or more letters, digits, '_' or '-'");
		}
		if (!isJavaIdentifier(handler)) {
			throw new IllegalArgumentException("the handler name after the dot must be a Java identifier");
		}
		return new EntryPoint(file, handler);
	}

	private static boolean isFileNameChar(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
	}

	private static boolean isJavaIdentifier(String name) {
		return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
	}

	@Override
	public String toString() {
		return this.file + "." + this.handler;
	}

}
