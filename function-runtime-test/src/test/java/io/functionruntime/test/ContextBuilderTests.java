package io.functionruntime.test;

import java.time.Duration;

import io.functionruntime.Context;
import io.functionruntime.IamToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Contexts built for a unit test have the cloud's defaults and take what a test sets.
 */
class ContextBuilderTests {

	@Test
	void defaultsAreARandomRequestIdThreeSecondsTestIdsAndNoToken() {
		long now = System.currentTimeMillis();
		Context context = ContextBuilder.context().build();
		assertThat(context.getRequestId()).matches("[0-9a-f-]{36}")
			.isNotEqualTo(ContextBuilder.context().build().getRequestId());
		assertThat(context.getDeadlineMs()).isCloseTo(now + 3000, within(1000L));
		assertThat(context.getFunctionId()).isEqualTo("d4etestfunction00001");
		assertThat(context.getFunctionVersionId()).isEqualTo("d4etestversion000001");
		assertThat(context.getLogGroupName()).isEqualTo("ckgtestloggroup00001");
		assertThat(context.getFunctionFolderId()).isEqualTo("b1gtestfolder0000001");
		assertThat(context.getMemoryLimitInMB()).isEqualTo(128);
		assertThat(context.getToken()).isNull();
		assertThat(context.getTokenJson()).isEmpty();
	}

	@Test
	void everyFieldCanBeSet() {
		long now = System.currentTimeMillis();
		Context context = ContextBuilder.context()
			.requestId("r-1")
			.timeout(Duration.ofSeconds(10))
			.functionId("d4emyfunction0000001")
			.versionId("d4emyversion00000001")
			.logGroupId("ckgmyloggroup0000001")
			.folderId("b1gmyfolder000000001")
			.memoryLimitMb(512)
			.token(IamToken.bearer("t1.token", 3600))
			.build();
		assertThat(context.getRequestId()).isEqualTo("r-1");
		assertThat(context.getDeadlineMs()).isCloseTo(now + 10_000, within(1000L));
		assertThat(context.getFunctionName()).isEqualTo("d4emyfunction0000001");
		assertThat(context.getStreamName()).isEqualTo("d4emyversion00000001");
		assertThat(context.getLogGroupName()).isEqualTo("ckgmyloggroup0000001");
		assertThat(context.getMemoryLimit()).isEqualTo(512);
		assertThat(context.getFunctionFolderId()).isEqualTo("b1gmyfolder000000001");
		assertThat(context.getTokenJson())
			.isEqualTo("{\"access_token\":\"t1.token\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
	}

}
