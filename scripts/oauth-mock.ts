// Kakao- and Naver-shaped OAuth servers for the end-to-end journeys (scripts/e2e.sh starts this and stops
// it on exit): `tsx scripts/oauth-mock.ts <kakaoPort> <naverPort>`. A journey says who signs in next with
// POST <provider base>/__identity (JSON: id, email, verified, name). See test/oauth-mock.ts.
import { startProviderMock } from "@/test/oauth-mock";

async function main() {
  const [kakaoPort, naverPort] = process.argv.slice(2).map(Number);
  if (!kakaoPort || !naverPort) throw new Error("usage: tsx scripts/oauth-mock.ts <kakaoPort> <naverPort>");
  const mocks = await Promise.all([startProviderMock("kakao", kakaoPort), startProviderMock("naver", naverPort)]);
  console.log(`oauth mocks: kakao ${mocks[0].base}, naver ${mocks[1].base}`);
  const stop = async () => {
    await Promise.all(mocks.map((m) => m.stop()));
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();
