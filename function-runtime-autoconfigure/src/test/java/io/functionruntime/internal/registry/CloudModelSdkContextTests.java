package io.functionruntime.internal.registry;

import java.lang.invoke.MethodHandle;

import io.functionruntime.Context;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SDK's context answers each getter it declares from the runtime's getter of the same
 * name, and names a getter the runtime has none for.
 */
class CloudModelSdkContextTests {

	private final Context context = new Context("req-1", 1_000, "d4efunction", "d4eversion", "ckgloggroup", 256, null);

	@Test
	void gettersAreAnsweredByName() throws Throwable {
		SdkContext sdk = create(SdkContext.class);

		assertThat(sdk.getRequestId()).isEqualTo("req-1");
		assertThat(sdk.getFunctionId()).isEqualTo("d4efunction");
		assertThat(sdk.getMemoryLimit()).isEqualTo(256);
		assertThat(sdk.getDeadlineMs()).isEqualTo(1_000L);
		assertThat(sdk.getTokenJson()).isEmpty();
	}

	@Test
	void getterTheRuntimeLacksFailsNamingIt() throws Throwable {
		SdkContext sdk = create(SdkContext.class);

		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(sdk::getClientContext)
			.withMessage(SdkContext.class.getName() + ".getClientContext is not supported: "
					+ "io.functionruntime.Context has no such getter");
	}

	private <T> T create(Class<T> type) throws Throwable {
		MethodHandle handle = new SdkContexts(type).fromRuntimeContext();
		return type.cast(handle.invoke(this.context));
	}

	public interface SdkContext {

		String getRequestId();

		String getFunctionId();

		int getMemoryLimit();

		long getDeadlineMs();

		String getTokenJson();

		String getClientContext();

	}

}
