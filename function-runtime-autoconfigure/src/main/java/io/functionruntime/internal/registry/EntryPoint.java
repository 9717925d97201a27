package io.functionruntime.internal.registry;

import javax.lang.model.SourceVersion;

/**
 * A function's entry point, {@code <file>.<handler>}, validated as the cloud validates it;
 * for a class of the cloud's Java models, the class's fully qualified name, as the cloud
 * names a Java function's entry point.
 *
 * @param file the file name, letters, digits, {@code _} and {@code -}; for a class name,
 * its package, empty in the default package
 * @param handler the handler name, a Java identifier; for a class name, its simple name
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

	/**
	 * Parses the entry point of a class of the cloud's Java models: its fully qualified
	 * name, such as {@code org.example.Handler}.
	 * @param value the class name
	 * @return the entry point
	 * @throws IllegalArgumentException naming what is wrong with it
	 */
	public static EntryPoint parseClassName(String value) {
		if (!SourceVersion.isName(value)) {
			throw new IllegalArgumentException(
					"it must be a fully qualified class name, Java identifiers joined by dots, as in 'org.example.Handler'");
		}
		int dot = value.lastIndexOf('.');
		return new EntryPoint((dot < 0) ? "" : value.substring(0, dot), value.substring(dot + 1));
	}

	private static boolean isFileNameChar(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
	}

	private static boolean isJavaIdentifier(String name) {
		return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
	}

	@Override
	public String toString() {
		return this.file.isEmpty() ? this.handler : this.file + "." + this.handler;
	}

}
