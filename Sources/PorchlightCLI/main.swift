import Porchlight

try await PorchlightMain.run()
